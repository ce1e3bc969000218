/*
 * Sets a file's access and modification times to the nanosecond, which Node cannot: its utimes family
 * takes seconds as a double and libuv cuts them to the microsecond. One call, utimensat(2), with the
 * path as bytes (names need not be UTF-8) and the times as integers.
 *
 *   utimens(path: Buffer, atimeNs: bigint, mtimeNs: bigint, nofollow: boolean): number
 *       0, or the negative errno (the JavaScript side turns it into an error like fs's own).
 *   utimensAsync(path, atimeNs, mtimeNs, nofollow, callback(result: number))
 *       the same on libuv's pool.
 *
 * Node-API only (ABI-stable across Node and Electron versions), and context-aware (NAPI_MODULE_INIT)
 * so that every worker_thread may load it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <node_api.h>

#define NS_PER_S 1000000000LL

typedef struct {
  char *path;
  struct timespec times[2];
  int flags;
  int result;
  napi_async_work work;
  napi_ref callback;
} Request;

static struct timespec to_timespec(int64_t ns) {
  struct timespec ts;
  ts.tv_sec = (time_t)(ns / NS_PER_S);
  ts.tv_nsec = (long)(ns % NS_PER_S);
  if (ts.tv_nsec < 0) { /* before 1970: the fraction counts forward from the second below */
    ts.tv_nsec += NS_PER_S;
    ts.tv_sec -= 1;
  }
  return ts;
}

static int set_times(const char *path, const struct timespec times[2], int flags) {
  return utimensat(AT_FDCWD, path, times, flags) == 0 ? 0 : -errno;
}

/* Reads the four arguments into a Request (its path copied and NUL-terminated); false after throwing. */
static bool read_args(napi_env env, napi_value *argv, Request *req) {
  bool is_buffer = false, lossless = true, nofollow = false;
  void *data;
  size_t len;
  int64_t atime, mtime;
  if (napi_is_buffer(env, argv[0], &is_buffer) != napi_ok || !is_buffer) {
    napi_throw_type_error(env, NULL, "path must be a Buffer");
    return false;
  }
  napi_get_buffer_info(env, argv[0], &data, &len);
  if (memchr(data, 0, len) != NULL) {
    napi_throw_type_error(env, NULL, "path must not contain a NUL byte");
    return false;
  }
  if (napi_get_value_bigint_int64(env, argv[1], &atime, &lossless) != napi_ok || !lossless ||
      napi_get_value_bigint_int64(env, argv[2], &mtime, &lossless) != napi_ok || !lossless) {
    napi_throw_type_error(env, NULL, "times must be BigInt nanoseconds");
    return false;
  }
  napi_get_value_bool(env, argv[3], &nofollow);
  req->path = malloc(len + 1);
  if (req->path == NULL) {
    napi_throw_error(env, NULL, "out of memory");
    return false;
  }
  memcpy(req->path, data, len);
  req->path[len] = '\0';
  req->times[0] = to_timespec(atime);
  req->times[1] = to_timespec(mtime);
  req->flags = nofollow ? AT_SYMLINK_NOFOLLOW : 0;
  return true;
}

static napi_value utimens(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4], out;
  Request req;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 4) {
    napi_throw_type_error(env, NULL, "utimens(path, atimeNs, mtimeNs, nofollow)");
    return NULL;
  }
  if (!read_args(env, argv, &req)) return NULL;
  int result = set_times(req.path, req.times, req.flags);
  free(req.path);
  napi_create_int32(env, result, &out);
  return out;
}

static void execute(napi_env env, void *data) {
  (void)env;
  Request *req = data;
  req->result = set_times(req->path, req->times, req->flags);
}

static void complete(napi_env env, napi_status status, void *data) {
  Request *req = data;
  napi_value callback, global, result;
  napi_get_reference_value(env, req->callback, &callback);
  napi_get_global(env, &global);
  napi_create_int32(env, status == napi_ok ? req->result : -ECANCELED, &result);
  napi_call_function(env, global, callback, 1, &result, NULL);
  napi_delete_reference(env, req->callback);
  napi_delete_async_work(env, req->work);
  free(req->path);
  free(req);
}

static napi_value utimens_async(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5], name;
  napi_valuetype type = napi_undefined;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 5 || napi_typeof(env, argv[4], &type) != napi_ok || type != napi_function) {
    napi_throw_type_error(env, NULL, "utimensAsync(path, atimeNs, mtimeNs, nofollow, callback)");
    return NULL;
  }
  Request *req = calloc(1, sizeof *req);
  if (req == NULL) {
    napi_throw_error(env, NULL, "out of memory");
    return NULL;
  }
  if (!read_args(env, argv, req)) {
    free(req);
    return NULL;
  }
  napi_create_reference(env, argv[4], 1, &req->callback);
  napi_create_string_utf8(env, "ferry:utimensat", NAPI_AUTO_LENGTH, &name);
  napi_create_async_work(env, NULL, name, execute, complete, req, &req->work);
  napi_queue_async_work(env, req->work);
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "utimens", NAPI_AUTO_LENGTH, utimens, NULL, &fn);
  napi_set_named_property(env, exports, "utimens", fn);
  napi_create_function(env, "utimensAsync", NAPI_AUTO_LENGTH, utimens_async, NULL, &fn);
  napi_set_named_property(env, exports, "utimensAsync", fn);
  return exports;
}
