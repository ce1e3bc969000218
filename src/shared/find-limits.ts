/** Library search limits (findInLibrary): kept free of zod, so that `ferry find` starts without it. */
export const DEFAULT_FIND_LIMIT = 50;
export const MAX_FIND_LIMIT = 1000;
