// [files] Every write is atomic: a full disk or a read-only folder gives a clear error and
// leaves the old file exactly as it was, with no temporary file left behind.
//
// Tests run as root in CI, where folder permissions stop nothing and a disk is rarely full,
// so each failure is made real in a forked child: a file-size limit (RLIMIT_FSIZE, which holds
// for root too), a 64 KiB tmpfs in a private mount namespace, the user nobody, and a read-only
// bind mount. The mount-based checks say why when the sandbox does not allow mounts.
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>

#include "test_support.hpp"

using namespace defuse;

namespace {

fs::path freshDir(const std::string& name) {
    fs::path d = fs::temp_directory_path() / ("defuse-files-" + std::to_string(::getpid())) / name;
    fs::remove_all(d);
    fs::create_directories(d);
    fs::permissions(d.parent_path(), fs::perms::owner_all | fs::perms::group_read |
                                         fs::perms::group_exec | fs::perms::others_read |
                                         fs::perms::others_exec);
    return d;
}

int temporariesIn(const fs::path& dir) {
    int n = 0;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp") != std::string::npos) ++n;
    return n;
}

std::string contents(const fs::path& f) {
    auto text = readFile(f, nullptr);
    return text ? *text : std::string("<unreadable>");
}

/// What one failed write looked like, as the child saw it.
struct Outcome {
    std::string skipped;  ///< why the failure could not be set up here ("" when it ran)
    bool wrote = false;
    std::string error;
    std::string oldFile;
    int temporaries = 0;
};

// Runs `setup` in a forked child (it returns "" or why it cannot set the failure up), then
// tries to replace `file` (holding "old\n") with 1 MiB, and reports what happened.
Outcome failedWrite(const fs::path& file, const std::function<std::string()>& setup) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        std::string report;
        std::string why = setup();
        if (!why.empty()) {
            report = "skip\n" + why;
        } else {
            std::string err;
            bool wrote = writeFileAtomic(file, std::string(1 << 20, 'x'), &err);
            report = std::string(wrote ? "wrote" : "failed") + "\n" + err + "\n" +
                     std::to_string(temporariesIn(file.parent_path())) + "\n" + contents(file);
        }
        ssize_t n = ::write(fds[1], report.data(), report.size());
        ::_exit(n == static_cast<ssize_t>(report.size()) ? 0 : 1);
    }
    ::close(fds[1]);
    std::string report;
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
        report.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    INFO("child report: " + report);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    Outcome o;
    std::size_t a = report.find('\n');
    std::string first = report.substr(0, a);
    if (first == "skip") {
        o.skipped = report.substr(a + 1);
        return o;
    }
    std::size_t b = report.find('\n', a + 1), c = report.find('\n', b + 1);
    o.wrote = first == "wrote";
    o.error = report.substr(a + 1, b - a - 1);
    o.temporaries = std::stoi(report.substr(b + 1, c - b - 1));
    o.oldFile = report.substr(c + 1);
    return o;
}

// A private mount namespace for the child, so its mounts vanish with it. Root unshares it
// directly; anyone else through a user namespace in which they are root.
std::string privateMounts() {
    if (::geteuid() != 0) {
        uid_t uid = ::geteuid();
        gid_t gid = ::getegid();
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
            return std::string("cannot make a user and mount namespace: ") + std::strerror(errno);
        std::ofstream("/proc/self/setgroups") << "deny";
        std::ofstream("/proc/self/uid_map") << "0 " << uid << " 1";
        std::ofstream("/proc/self/gid_map") << "0 " << gid << " 1";
    } else if (::unshare(CLONE_NEWNS) != 0) {
        return std::string("cannot make a mount namespace: ") + std::strerror(errno);
    }
    if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return std::string("cannot make the mounts private: ") + std::strerror(errno);
    return "";
}

void skipWith(const std::string& why) { WARN("not checked in this sandbox: " << why); }

}  // namespace

TEST_CASE("a full disk (file-size limit) gives a clear error and leaves the old file", "[files]") {
    fs::path f = freshDir("fsize") / "keep.yaml";
    REQUIRE(writeFileAtomic(f, "old\n"));
    Outcome o = failedWrite(f, [] {
        ::signal(SIGXFSZ, SIG_IGN);  // then write fails with EFBIG instead of killing the process
        rlimit limit{64 * 1024, 64 * 1024};
        return ::setrlimit(RLIMIT_FSIZE, &limit) == 0 ? std::string()
                                                      : std::string("setrlimit failed");
    });
    REQUIRE(o.skipped.empty());
    CHECK_FALSE(o.wrote);
    CHECK(o.error == "cannot write " + f.string() + ": File too large (the old file is unchanged)");
    CHECK(o.oldFile == "old\n");
    CHECK(o.temporaries == 0);
    CHECK(contents(f) == "old\n");
}

TEST_CASE("a full disk (a 64 KiB tmpfs) gives a clear error and leaves the old file", "[files]") {
    fs::path dir = freshDir("tmpfs");
    fs::path f = dir / "keep.yaml";
    Outcome o = failedWrite(f, [&] {
        std::string why = privateMounts();
        if (!why.empty()) return why;
        if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=64k") != 0)
            return std::string("cannot mount a tmpfs: ") + std::strerror(errno);
        // The mount hides the old file; put one on the small disk.
        return writeFileAtomic(f, "old\n") ? std::string()
                                           : std::string("cannot write on the tmpfs");
    });
    if (!o.skipped.empty()) return skipWith(o.skipped);
    CHECK_FALSE(o.wrote);
    CHECK(o.error ==
          "cannot write " + f.string() + ": No space left on device (the old file is unchanged)");
    CHECK(o.oldFile == "old\n");
    CHECK(o.temporaries == 0);
}

TEST_CASE("atomic writes leave the old file when the folder is read-only", "[files][replay]") {
    fs::path dir = freshDir("ro");
    fs::path f = dir / "keep.yaml";
    REQUIRE(writeFileAtomic(f, "old\n"));
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                             fs::perms::group_exec | fs::perms::others_read |
                             fs::perms::others_exec);
    Outcome o = failedWrite(f, [] {
        if (::geteuid() != 0) return std::string();
        // Root writes anywhere; the user nobody is held by the folder's permissions.
        if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)
            return std::string("cannot become the user nobody: ") + std::strerror(errno);
        return std::string();
    });
    fs::permissions(dir, fs::perms::owner_all);
    REQUIRE(o.skipped.empty());
    CHECK_FALSE(o.wrote);
    CHECK(o.error ==
          "cannot write " + f.string() + ": Permission denied (the old file is unchanged)");
    CHECK(o.oldFile == "old\n");
    CHECK(o.temporaries == 0);
    CHECK(contents(f) == "old\n");
}

TEST_CASE("a read-only file system gives a clear error and leaves the old file", "[files]") {
    fs::path dir = freshDir("rofs");
    fs::path f = dir / "keep.yaml";
    REQUIRE(writeFileAtomic(f, "old\n"));
    Outcome o = failedWrite(f, [&] {
        std::string why = privateMounts();
        if (!why.empty()) return why;
        if (::mount(dir.c_str(), dir.c_str(), nullptr, MS_BIND, nullptr) != 0 ||
            ::mount(nullptr, dir.c_str(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) != 0)
            return std::string("cannot make a read-only bind mount: ") + std::strerror(errno);
        return std::string();
    });
    if (!o.skipped.empty()) return skipWith(o.skipped);
    CHECK_FALSE(o.wrote);
    CHECK(o.error ==
          "cannot write " + f.string() + ": Read-only file system (the old file is unchanged)");
    CHECK(o.oldFile == "old\n");
    CHECK(o.temporaries == 0);
    CHECK(contents(f) == "old\n");
}

TEST_CASE("writing over a folder or into a missing folder says so", "[files]") {
    fs::path dir = freshDir("misc");
    std::string err;
    CHECK_FALSE(writeFileAtomic(dir, "x", &err));
    CHECK(err == "cannot write " + dir.string() + ": it is a folder");
    CHECK_FALSE(writeFileAtomic(dir / "no" / "such.yaml", "x", &err));
    CHECK(err ==
          "cannot write " + (dir / "no" / "such.yaml").string() + ": No such file or directory");
    REQUIRE(writeFileAtomic(dir / "new.yaml", "new\n", &err));
    CHECK(contents(dir / "new.yaml") == "new\n");
    CHECK(temporariesIn(dir) == 0);
}
