import { FerryError } from '../../../../shared/errors';
import type { JobSummary } from '../../../../shared/types';
import { parseCommandArgs } from '../args';
import { EXIT, withEngine, type CliContext, type Command } from '../context';
import { formatAgo, formatBytes, formatCount, formatTable } from '../format';
import { displayPath } from './locations';

const HELP = `Usage: ferry jobs [--json] [--limit N] [--db PATH]

Lists copy and index jobs: interrupted ones first (resume them with \`ferry resume JOB_ID\`), then running,
paused and queued ones, then finished ones, newest first. A job left running by a process that has
died is shown as interrupted.

  --json       the jobs as a JSON array (id, kind, status, config, last progress, error, times)
  --limit N    show at most N jobs (default 50)
  --db PATH    the library database (default $FERRY_DB, else ~/.local/share/ferry/library.db)

Examples:
  ferry jobs
  ferry jobs --json | jq '.[] | select(.status == "interrupted") | .id'
`;

export const command: Command = {
  help: HELP,
  async run(args: string[], ctx: CliContext): Promise<number> {
    const { values } = parseCommandArgs(args, {
      command: 'jobs', options: { db: { type: 'string' }, json: { type: 'boolean' }, limit: { type: 'string' } },
    });
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new FerryError('INVALID_INPUT', '--limit must be a whole number of at least 1');
    // Opening the engine settles jobs whose owner died (`interrupted`, not `running`) before anything is shown.
    return withEngine(ctx, values.db, async (engine) => {
      const jobs = await engine.listJobs({ limit });
      if (values.json) {
        ctx.stdout.write(`${JSON.stringify(jobs, null, 2)}\n`);
      } else if (jobs.length === 0) {
        ctx.stdout.write('No jobs yet.\n');
      } else {
        ctx.stdout.write(jobTable(jobs));
        if (jobs.some((j) => j.status === 'interrupted' && (j.kind === 'copy' || j.kind === 'move'))) {
          ctx.stdout.write('Resume an interrupted copy or move with: ferry resume JOB_ID\n');
        }
      }
      return EXIT.OK;
    });
  },
};

export function jobTable(jobs: JobSummary[], now = Date.now()): string {
  return formatTable(
    ['ID', 'KIND', 'STATUS', 'CREATED', 'PROGRESS'],
    jobs.map((j) => [j.id, j.kind, j.status, formatAgo(j.createdAt, now), progressSummary(j)]),
  );
}

/** One short line saying how far a job got and what it is about. */
export function progressSummary(job: JobSummary): string {
  const p = job.progress ?? {};
  const c = job.config;
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const parts: string[] = [];
  if (job.damaged) parts.push(`damaged row: ${job.damaged}`);
  if (job.kind === 'copy' || job.kind === 'move') {
    const copied = num(p.copiedFiles);
    const total = num(p.totalFiles);
    if (copied !== undefined) parts.push(`${formatCount(copied)}${total !== undefined ? `/${formatCount(total)}` : ''} files`);
    const copiedBytes = num(p.copiedBytes);
    const totalBytes = num(p.totalBytes);
    if (copiedBytes !== undefined) parts.push(`${formatBytes(copiedBytes)}${totalBytes !== undefined ? ` of ${formatBytes(totalBytes)}` : ''}`);
    // A second run under skip copies nothing: without the skipped count, "0/6 files" reads as a failure.
    const skipped = num(p.skippedFiles);
    if (skipped) parts.push(`${formatCount(skipped)} skipped`);
    const failed = num(p.failedFiles);
    if (failed) parts.push(`${formatCount(failed)} failed`);
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
    // A move's SOURCEs renamed whole before its job are listed apart from those its job moved.
    const sources = [...strings(c.renamed), ...strings(c.sources)];
    if (sources.length > 0 && typeof c.destination === 'string') {
      const from = sources.length === 1 ? displayPath(sources[0]!) : `${displayPath(sources[0]!)} +${sources.length - 1} more`;
      parts.push(`${from} → ${displayPath(c.destination)}`);
    }
  } else if (job.kind === 'delete') {
    const removed = num(p.copiedFiles);
    const total = num(p.totalFiles);
    if (removed !== undefined) parts.push(`${formatCount(removed)}${total !== undefined ? `/${formatCount(total)}` : ''} items deleted`);
    const failed = num(p.failedFiles);
    if (failed) parts.push(`${formatCount(failed)} not deleted`);
    const paths = Array.isArray(c.paths) ? c.paths.filter((s): s is string => typeof s === 'string') : [];
    if (paths.length > 0) parts.push(paths.length === 1 ? displayPath(paths[0]!) : `${displayPath(paths[0]!)} +${paths.length - 1} more`);
  } else if (job.kind === 'index') {
    const files = num(p.files);
    if (files !== undefined) parts.push(`${formatCount(files)} file${files === 1 ? '' : 's'}, ${formatBytes(num(p.bytes) ?? 0)}`);
    const unreadable = num(p.unreadable);
    if (unreadable) parts.push(`${formatCount(unreadable)} unreadable`);
    if (typeof c.path === 'string') parts.push(displayPath(c.path));
  }
  if (job.error && job.status !== 'completed') parts.push(`(${job.error})`);
  return parts.join(', ') || '—';
}
