{
  "targets": [
    {
      "target_name": "ferry_file_times",
      "sources": ["file_times.c"],
      "cflags": ["-std=c11", "-Wall", "-Wextra"],
      "defines": ["NAPI_VERSION=8", "_GNU_SOURCE"]
    }
  ]
}
