/*
 * io-log.c: an LD_PRELOAD shim for the power-cut test (tests/integration/power-cut.test.ts).
 *
 * It logs, in the order they complete, every call that changes the files of one folder (the database, its
 * -wal, -journal and -shm) or makes them durable, so that the test can rebuild the files as a disk could have
 * left them at any moment. The test compiles it at run time:  gcc -shared -fPIC -O2 -o io-log.so io-log.c -ldl
 *
 * Environment (the shim does nothing unless both are set):
 *   ROMTRACK_IOLOG_DIR   absolute path of the folder to watch: the folder itself and the files directly in it
 *   ROMTRACK_IOLOG_FILE  where to append the log (must be outside that folder)
 *
 * Interposition: each function below has the libc name and calls the next definition found after this shim
 * (dlsym(RTLD_NEXT, ...)). better-sqlite3's addon imports from libc open64, close, unlink, pwrite64, write,
 * ftruncate64, fsync, fdatasync and mmap64 (nm -D --undefined-only); SQLite's unix VFS keeps their addresses
 * in its system-call table, which the dynamic linker fills with ours. Of those, a recording calls open64,
 * pwrite64, fsync (SQLite's full_fsync; never fdatasync in this build), ftruncate64, unlink, close and mmap64
 * (the -shm only), as strace agrees; the test prints the count of each. The other names are covered so that a
 * different build (another libc mapping, a VFS using write/writev) is logged too, not silently missed.
 *
 * Log format: one text line per record, a write's bytes straight after its line.
 *   O <sym> <fd> <created 0|1> <path>     a watched path opened (created: it did not exist before)
 *   C <sym> <fd>                          a tracked descriptor closed (or replaced by dup2/dup3)
 *   W <sym> <fd> <offset> <length>        followed by exactly <length> bytes: the bytes written
 *   T <sym> <fd> <size>                   ftruncate
 *   S <sym> <fd>                          fsync/fdatasync returned 0: a barrier for that file (or folder)
 *   U <sym> <path>                        unlink of a watched path
 *   R <sym> <from>\t<to>                  rename touching a watched path
 *   M <sym> <fd>                          a tracked file mapped shared and writable (not modelled: the test
 *                                         fails unless it is the -shm, which it treats as lost anyway)
 * Only calls that succeed are logged, after they return, under one lock, so the order is the completion order.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define MAX_FD 65536

static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_openat64)(int, const char *, int, ...);
static int (*real___open_2)(const char *, int);
static int (*real___open64_2)(const char *, int);
static int (*real_close)(int);
static int (*real_dup2)(int, int);
static int (*real_dup3)(int, int, int);
static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);
static ssize_t (*real_pwrite64)(int, const void *, size_t, off64_t);
static ssize_t (*real_writev)(int, const struct iovec *, int);
static ssize_t (*real_pwritev)(int, const struct iovec *, int, off_t);
static ssize_t (*real_pwritev64)(int, const struct iovec *, int, off64_t);
static int (*real_ftruncate)(int, off_t);
static int (*real_ftruncate64)(int, off64_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_unlink)(const char *);
static int (*real_unlinkat)(int, const char *, int);
static int (*real_rename)(const char *, const char *);
static int (*real_renameat)(int, const char *, int, const char *);
static void *(*real_mmap)(void *, size_t, int, int, int, off_t);
static void *(*real_mmap64)(void *, size_t, int, int, int, off64_t);

static char watch_dir[4096];
static size_t watch_len;
static int log_fd = -1;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
/* fd -> watched path (malloc'd), or NULL. Read without the lock as a filter, changed only under it. */
static char *tracked[MAX_FD];

#define RESOLVE(name) real_##name = dlsym(RTLD_NEXT, #name)
/* Another library's constructor may call in before ours has run. */
#define NEED(name) if (!real_##name) RESOLVE(name)

__attribute__((constructor)) static void io_log_init(void) {
  RESOLVE(open); RESOLVE(open64); RESOLVE(openat); RESOLVE(openat64); RESOLVE(__open_2); RESOLVE(__open64_2);
  RESOLVE(close); RESOLVE(dup2); RESOLVE(dup3); RESOLVE(write); RESOLVE(pwrite); RESOLVE(pwrite64); RESOLVE(writev); RESOLVE(pwritev);
  RESOLVE(pwritev64); RESOLVE(ftruncate); RESOLVE(ftruncate64); RESOLVE(fsync); RESOLVE(fdatasync);
  RESOLVE(unlink); RESOLVE(unlinkat); RESOLVE(rename); RESOLVE(renameat); RESOLVE(mmap); RESOLVE(mmap64);
  const char *dir = getenv("ROMTRACK_IOLOG_DIR");
  const char *file = getenv("ROMTRACK_IOLOG_FILE");
  /* Children of the recorder (if any) must not log into the same file with their own descriptors. */
  unsetenv("LD_PRELOAD");
  if (!dir || !file || dir[0] != '/' || strlen(dir) >= sizeof watch_dir) return;
  strcpy(watch_dir, dir);
  watch_len = strlen(watch_dir);
  while (watch_len > 1 && watch_dir[watch_len - 1] == '/') watch_dir[--watch_len] = '\0';
  log_fd = real_open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0) {
    fprintf(stderr, "io-log: cannot open %s: %s\n", file, strerror(errno));
    _exit(97);
  }
}

/* The folder itself, or a file directly inside it, named by an absolute path. */
static int watched(const char *path) {
  if (log_fd < 0 || !path || path[0] != '/' || strncmp(path, watch_dir, watch_len) != 0) return 0;
  if (path[watch_len] == '\0') return 1;
  return path[watch_len] == '/' && path[watch_len + 1] != '\0' && strchr(path + watch_len + 1, '/') == NULL;
}

static const char *tracked_path(int fd) {
  if (log_fd < 0 || fd < 0 || fd >= MAX_FD) return NULL;
  return __atomic_load_n(&tracked[fd], __ATOMIC_ACQUIRE);
}

/* Writes the header and data to the log, all of it, or stops the process: a gap would fake a safe disk. */
static void log_record(const char *header, const struct iovec *data, int count, size_t total) {
  struct iovec iov[66];
  int n = 0;
  iov[n].iov_base = (void *)header;
  iov[n++].iov_len = strlen(header);
  size_t left = total;
  for (int i = 0; i < count && left > 0 && n < 66; i++) {
    size_t len = data[i].iov_len < left ? data[i].iov_len : left;
    iov[n].iov_base = data[i].iov_base;
    iov[n++].iov_len = len;
    left -= len;
  }
  if (left > 0) {
    fprintf(stderr, "io-log: a write with more than 64 buffers\n");
    _exit(97);
  }
  struct iovec *cur = iov;
  while (n > 0) {
    ssize_t w = real_writev(log_fd, cur, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) {
      fprintf(stderr, "io-log: cannot write the log: %s\n", strerror(errno));
      _exit(97);
    }
    while (n > 0 && (size_t)w >= cur->iov_len) {
      w -= cur->iov_len;
      cur++;
      n--;
    }
    if (n > 0) {
      cur->iov_base = (char *)cur->iov_base + w;
      cur->iov_len -= w;
    }
  }
}

static void log_line(const char *fmt, ...) {
  char line[8400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  log_record(line, NULL, 0, 0);
}

static void log_write(const char *sym, int fd, long long offset, const struct iovec *iov, int count, ssize_t done) {
  char header[128];
  snprintf(header, sizeof header, "W %s %d %lld %lld\n", sym, fd, offset, (long long)done);
  log_record(header, iov, count, (size_t)done);
}

/* ---- opening and closing: follow descriptors to paths ---- */

static int needs_mode(int flags) { return (flags & O_CREAT) || ((flags & O_TMPFILE) == O_TMPFILE); }

/* Called with the lock held, after an open of a watched path returned fd. */
static void opened(const char *sym, const char *path, int fd, int existed) {
  if (fd < 0) return;
  if (fd >= MAX_FD) {
    fprintf(stderr, "io-log: descriptor %d too high to track\n", fd);
    _exit(97);
  }
  free(tracked[fd]);
  __atomic_store_n(&tracked[fd], strdup(path), __ATOMIC_RELEASE);
  log_line("O %s %d %d %s\n", sym, fd, existed ? 0 : 1, path);
}

enum opener { OPEN, OPEN64, OPENAT, OPENAT64 };

static int call_open(enum opener kind, int dirfd, const char *path, int flags, mode_t mode) {
  switch (kind) {
    case OPEN: NEED(open); return real_open(path, flags, mode);
    case OPEN64: NEED(open64); return real_open64(path, flags, mode);
    case OPENAT: NEED(openat); return real_openat(dirfd, path, flags, mode);
    default: NEED(openat64); return real_openat64(dirfd, path, flags, mode);
  }
}

/* watched() accepts absolute paths only, so a path relative to another folder's descriptor is never followed;
 * SQLite names its files absolutely. */
static int do_open(const char *sym, enum opener kind, int dirfd, const char *path, int flags, mode_t mode) {
  if (!watched(path)) return call_open(kind, dirfd, path, flags, mode);
  pthread_mutex_lock(&lock);
  int saved = errno;
  int existed = access(path, F_OK) == 0;
  errno = saved;
  int fd = call_open(kind, dirfd, path, flags, mode);
  saved = errno;
  opened(sym, path, fd, existed);
  pthread_mutex_unlock(&lock);
  errno = saved;
  return fd;
}

int open(const char *path, int flags, ...) {
  mode_t mode = 0;
  if (needs_mode(flags)) {
    va_list ap;
    va_start(ap, flags);
    mode = va_arg(ap, mode_t);
    va_end(ap);
  }
  return do_open("open", OPEN, AT_FDCWD, path, flags, mode);
}

int open64(const char *path, int flags, ...) {
  mode_t mode = 0;
  if (needs_mode(flags)) {
    va_list ap;
    va_start(ap, flags);
    mode = va_arg(ap, mode_t);
    va_end(ap);
  }
  return do_open("open64", OPEN64, AT_FDCWD, path, flags, mode);
}

int __open_2(const char *path, int flags) { return do_open("__open_2", OPEN, AT_FDCWD, path, flags, 0); }
int __open64_2(const char *path, int flags) { return do_open("__open64_2", OPEN64, AT_FDCWD, path, flags, 0); }

int openat(int dirfd, const char *path, int flags, ...) {
  mode_t mode = 0;
  if (needs_mode(flags)) {
    va_list ap;
    va_start(ap, flags);
    mode = va_arg(ap, mode_t);
    va_end(ap);
  }
  return do_open("openat", OPENAT, dirfd, path, flags, mode);
}

int openat64(int dirfd, const char *path, int flags, ...) {
  mode_t mode = 0;
  if (needs_mode(flags)) {
    va_list ap;
    va_start(ap, flags);
    mode = va_arg(ap, mode_t);
    va_end(ap);
  }
  return do_open("openat64", OPENAT64, dirfd, path, flags, mode);
}

int close(int fd) {
  NEED(close);
  if (!tracked_path(fd)) return real_close(fd);
  pthread_mutex_lock(&lock);
  int r = real_close(fd);
  int saved = errno;
  if (tracked[fd]) {
    log_line("C close %d\n", fd);
    char *p = tracked[fd];
    __atomic_store_n(&tracked[fd], NULL, __ATOMIC_RELEASE);
    free(p);
  }
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

/* dup2/dup3 onto a tracked descriptor close it first: stop following it. */
static void replaced(int fd) {
  if (!tracked[fd]) return;
  log_line("C dup %d\n", fd);
  char *p = tracked[fd];
  __atomic_store_n(&tracked[fd], NULL, __ATOMIC_RELEASE);
  free(p);
}

int dup2(int oldfd, int newfd) {
  NEED(dup2);
  if (!tracked_path(newfd) || oldfd == newfd) return real_dup2(oldfd, newfd);
  pthread_mutex_lock(&lock);
  int r = real_dup2(oldfd, newfd);
  int saved = errno;
  if (r >= 0) replaced(newfd);
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

int dup3(int oldfd, int newfd, int flags) {
  NEED(dup3);
  if (!tracked_path(newfd)) return real_dup3(oldfd, newfd, flags);
  pthread_mutex_lock(&lock);
  int r = real_dup3(oldfd, newfd, flags);
  int saved = errno;
  if (r >= 0) replaced(newfd);
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

/* ---- writes ---- */

ssize_t write(int fd, const void *buf, size_t n) {
  NEED(write);
  if (!tracked_path(fd)) return real_write(fd, buf, n);
  pthread_mutex_lock(&lock);
  off_t at = lseek(fd, 0, SEEK_CUR);
  ssize_t r = real_write(fd, buf, n);
  int saved = errno;
  if (r > 0) {
    struct iovec iov = {(void *)buf, (size_t)r};
    log_write("write", fd, (long long)at, &iov, 1, r);
  }
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t offset) {
  NEED(pwrite);
  if (!tracked_path(fd)) return real_pwrite(fd, buf, n, offset);
  pthread_mutex_lock(&lock);
  ssize_t r = real_pwrite(fd, buf, n, offset);
  int saved = errno;
  if (r > 0) {
    struct iovec iov = {(void *)buf, (size_t)r};
    log_write("pwrite", fd, (long long)offset, &iov, 1, r);
  }
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t offset) {
  NEED(pwrite64);
  if (!tracked_path(fd)) return real_pwrite64(fd, buf, n, offset);
  pthread_mutex_lock(&lock);
  ssize_t r = real_pwrite64(fd, buf, n, offset);
  int saved = errno;
  if (r > 0) {
    struct iovec iov = {(void *)buf, (size_t)r};
    log_write("pwrite64", fd, (long long)offset, &iov, 1, r);
  }
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

ssize_t writev(int fd, const struct iovec *iov, int count) {
  NEED(writev);
  if (!tracked_path(fd)) return real_writev(fd, iov, count);
  pthread_mutex_lock(&lock);
  off_t at = lseek(fd, 0, SEEK_CUR);
  ssize_t r = real_writev(fd, iov, count);
  int saved = errno;
  if (r > 0) log_write("writev", fd, (long long)at, iov, count, r);
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

ssize_t pwritev(int fd, const struct iovec *iov, int count, off_t offset) {
  NEED(pwritev);
  if (!tracked_path(fd)) return real_pwritev(fd, iov, count, offset);
  pthread_mutex_lock(&lock);
  ssize_t r = real_pwritev(fd, iov, count, offset);
  int saved = errno;
  if (r > 0) log_write("pwritev", fd, (long long)offset, iov, count, r);
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

ssize_t pwritev64(int fd, const struct iovec *iov, int count, off64_t offset) {
  NEED(pwritev64);
  if (!tracked_path(fd)) return real_pwritev64(fd, iov, count, offset);
  pthread_mutex_lock(&lock);
  ssize_t r = real_pwritev64(fd, iov, count, offset);
  int saved = errno;
  if (r > 0) log_write("pwritev64", fd, (long long)offset, iov, count, r);
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

int ftruncate(int fd, off_t size) {
  NEED(ftruncate);
  if (!tracked_path(fd)) return real_ftruncate(fd, size);
  pthread_mutex_lock(&lock);
  int r = real_ftruncate(fd, size);
  int saved = errno;
  if (r == 0) log_line("T ftruncate %d %lld\n", fd, (long long)size);
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

int ftruncate64(int fd, off64_t size) {
  NEED(ftruncate64);
  if (!tracked_path(fd)) return real_ftruncate64(fd, size);
  pthread_mutex_lock(&lock);
  int r = real_ftruncate64(fd, size);
  int saved = errno;
  if (r == 0) log_line("T ftruncate64 %d %lld\n", fd, (long long)size);
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

/* ---- barriers ---- */

int fsync(int fd) {
  NEED(fsync);
  if (!tracked_path(fd)) return real_fsync(fd);
  pthread_mutex_lock(&lock);
  int r = real_fsync(fd);
  int saved = errno;
  if (r == 0) log_line("S fsync %d\n", fd);
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

int fdatasync(int fd) {
  NEED(fdatasync);
  if (!tracked_path(fd)) return real_fdatasync(fd);
  pthread_mutex_lock(&lock);
  int r = real_fdatasync(fd);
  int saved = errno;
  if (r == 0) log_line("S fdatasync %d\n", fd);
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

/* ---- names ---- */

int unlink(const char *path) {
  NEED(unlink);
  if (!watched(path)) return real_unlink(path);
  pthread_mutex_lock(&lock);
  int r = real_unlink(path);
  int saved = errno;
  if (r == 0) log_line("U unlink %s\n", path);
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

int unlinkat(int dirfd, const char *path, int flags) {
  NEED(unlinkat);
  if (!watched(path)) return real_unlinkat(dirfd, path, flags);
  pthread_mutex_lock(&lock);
  int r = real_unlinkat(dirfd, path, flags);
  int saved = errno;
  if (r == 0) log_line("U unlinkat %s\n", path);
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

int rename(const char *from, const char *to) {
  NEED(rename);
  if (!watched(from) && !watched(to)) return real_rename(from, to);
  pthread_mutex_lock(&lock);
  int r = real_rename(from, to);
  int saved = errno;
  if (r == 0) log_line("R rename %s\t%s\n", from, to);
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

int renameat(int fromfd, const char *from, int tofd, const char *to) {
  NEED(renameat);
  int abs = from && to && from[0] == '/' && to[0] == '/';
  if (!abs || (!watched(from) && !watched(to))) return real_renameat(fromfd, from, tofd, to);
  pthread_mutex_lock(&lock);
  int r = real_renameat(fromfd, from, tofd, to);
  int saved = errno;
  if (r == 0) log_line("R renameat %s\t%s\n", from, to);
  pthread_mutex_unlock(&lock);
  errno = saved;
  return r;
}

/* ---- memory maps: SQLite maps only the -shm writable; anything else would bypass this log ---- */

static void mapped(const char *sym, int fd, int prot, int flags) {
  if (!tracked_path(fd) || !(prot & PROT_WRITE) || !(flags & MAP_SHARED)) return;
  pthread_mutex_lock(&lock);
  int saved = errno;
  if (tracked[fd]) log_line("M %s %d\n", sym, fd);
  pthread_mutex_unlock(&lock);
  errno = saved;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset) {
  NEED(mmap);
  void *r = real_mmap(addr, len, prot, flags, fd, offset);
  if (r != MAP_FAILED) mapped("mmap", fd, prot, flags);
  return r;
}

void *mmap64(void *addr, size_t len, int prot, int flags, int fd, off64_t offset) {
  NEED(mmap64);
  void *r = real_mmap64(addr, len, prot, flags, fd, offset);
  if (r != MAP_FAILED) mapped("mmap64", fd, prot, flags);
  return r;
}
