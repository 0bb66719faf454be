#include "defuse/files.hpp"

#include <fcntl.h>
#include <linux/magic.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>

namespace defuse {

namespace fs = std::filesystem;

namespace {
std::string sysError(const std::string& what, const fs::path& p) {
    return what + " " + p.string() + ": " + std::strerror(errno);
}

// Writes all of `content` to `fd`; false with errno set on failure.
bool writeAll(int fd, const std::string& content) {
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

// Writes, syncs and closes `fd` (closed even when a step fails); errno tells why not.
bool writeSyncClose(int fd, const std::string& content) {
    bool ok = writeAll(fd, content) && ::fsync(fd) == 0;
    int saved = errno;
    if (::close(fd) != 0 && ok) return false;
    errno = saved;
    return ok;
}

void syncFolder(const fs::path& dir) {
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

}  // namespace

bool writeFileAtomic(const fs::path& path, const std::string& content, std::string* error,
                     WriteMode mode, int* errorCode) {
    if (errorCode) *errorCode = 0;
    auto report = [&](const std::string& msg, int code) {
        if (error) *error = msg;
        if (errorCode) *errorCode = code;
        return false;
    };
    struct stat old {};
    const bool existed = ::lstat(path.c_str(), &old) == 0;
    if (existed && S_ISDIR(old.st_mode))
        return report("cannot write " + path.string() + ": it is a folder", EISDIR);
    if (existed && mode == WriteMode::CreateNew)
        return report("cannot write " + path.string() + ": it already exists", EEXIST);
    auto fail = [&](const std::string& msg, int code) {
        // Say so: after "disk full" the first worry is whether the old file survived.
        return report(msg + (existed ? " (the old file is unchanged)" : ""), code);
    };
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::random_device rd;
    fs::path tmp;
    int fd = -1;
    for (int attempt = 0; attempt < 8 && fd < 0; ++attempt) {  // another writer may hold the name
        tmp = dir / ("." + path.filename().string() + ".tmp" + std::to_string(rd() % 1000000));
        fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0 && errno != EEXIST) break;
    }
    if (fd < 0) return fail(sysError("cannot write", path), errno);
    // A replaced file keeps its permissions: a replay made private stays private.
    if (existed && S_ISREG(old.st_mode)) {
        (void)::fchown(fd, old.st_uid, old.st_gid);  // only root may; the mode matters more
        ::fchmod(fd, old.st_mode & 07777);
    }
    if (!writeSyncClose(fd, content)) {
        int code = errno;
        std::string msg = sysError("cannot write", path);
        ::unlink(tmp.c_str());
        return fail(msg, code);
    }
    if (mode == WriteMode::Replace) {
        if (::rename(tmp.c_str(), path.c_str()) != 0) {
            int code = errno;
            std::string why = sysError("cannot replace", path);
            ::unlink(tmp.c_str());
            return fail(why, code);
        }
        syncFolder(dir);
        return true;
    }
    // CreateNew: link() creates the name only if nothing holds it, with the whole content
    // already in place, so a second run racing for the same path gets EEXIST.
    if (::link(tmp.c_str(), path.c_str()) == 0) {
        ::unlink(tmp.c_str());
        syncFolder(dir);
        return true;
    }
    int code = errno;
    ::unlink(tmp.c_str());
    if (code == EEXIST)
        return report("cannot write " + path.string() + ": it already exists", code);
    if (code != EPERM && code != ENOTSUP && code != EOPNOTSUPP && code != EMLINK) {
        errno = code;
        return report(sysError("cannot write", path), code);
    }
    // A file system without hard links (FAT, some network mounts): create-exclusive instead.
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        code = errno;
        std::string msg = code == EEXIST ? "cannot write " + path.string() + ": it already exists"
                                         : sysError("cannot write", path);
        return report(msg, code);
    }
    if (!writeSyncClose(fd, content)) {
        code = errno;
        std::string msg = sysError("cannot write", path);
        ::unlink(path.c_str());  // ours: made just now
        return report(msg, code);
    }
    syncFolder(dir);
    return true;
}

std::optional<std::string> readFile(const fs::path& path, Message& error, std::size_t maxBytes) {
    auto fail = [&](Message msg) -> std::optional<std::string> {
        error = std::move(msg);
        return std::nullopt;
    };
    // Opened without blocking and checked on the descriptor itself, so a FIFO, a device or
    // /proc/kmsg (swapped in after any earlier look at the path) never hangs the reader.
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        int code = errno;
        if (code == ENOENT) return fail(Msg::NoSuchFile);
        return fail(Message(Msg::CannotOpenFile, {std::string(std::strerror(code))}));
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) return fail(Msg::CannotReadFile);
    if (S_ISDIR(st.st_mode)) return fail(Msg::IsAFolder);
    struct statfs sfs {};
    if (!S_ISREG(st.st_mode) ||
        (::fstatfs(fd, &sfs) == 0 && (sfs.f_type == PROC_SUPER_MAGIC || sfs.f_type == SYSFS_MAGIC)))
        return fail(Msg::NotARegularFile);
    auto size = static_cast<std::size_t>(st.st_size);
    if (size > maxBytes)
        return fail(Message(Msg::FileTooLargeSize,
                            {std::to_string(size / 1024), std::to_string(maxBytes / 1024)}));
    std::string s;
    s.reserve(size);
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail(Msg::CannotReadFile);
        if (n == 0) break;
        s.append(buf, static_cast<std::size_t>(n));
        if (s.size() > maxBytes) return fail(Msg::FileTooLarge);
    }
    return s;
}

std::optional<std::string> readFile(const fs::path& path, std::string* error,
                                    std::size_t maxBytes) {
    Message why;
    auto text = readFile(path, why, maxBytes);
    if (!text && error) *error = render(why, Lang::En);
    return text;
}

bool isYamlFile(const fs::path& path) {
    const fs::path ext = path.extension();
    return ext == ".yaml" || ext == ".yml";
}

namespace {

// Why a .yaml name that is not a regular file was not read.
std::optional<Message> notAFile(const fs::directory_entry& e) {
    std::error_code ec;
    fs::file_status st = e.status(ec);  // follows links
    if (ec) {
        if (ec == std::errc::too_many_symbolic_link_levels) return Message(Msg::EntryLinkLoop);
        if (ec == std::errc::no_such_file_or_directory) return Message(Msg::EntryBrokenLink);
        return Message(Msg::CannotOpenFile, {ec.message()});
    }
    switch (st.type()) {
        case fs::file_type::regular:
        case fs::file_type::directory:
            return std::nullopt;
        case fs::file_type::fifo:
            return Message(Msg::EntryNotAFile, {Message(Msg::EntryIsFifo)});
        case fs::file_type::socket:
            return Message(Msg::EntryNotAFile, {Message(Msg::EntryIsSocket)});
        case fs::file_type::block:
        case fs::file_type::character:
            return Message(Msg::EntryNotAFile, {Message(Msg::EntryIsDevice)});
        default:
            return Message(Msg::NotARegularFile);
    }
}

void walk(const fs::path& dir, std::vector<fs::path>& files, std::vector<UnreadEntry>& unread,
          std::error_code& first) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::directory_entry& e = *it;
        std::error_code lec;
        bool isLink = e.is_symlink(lec);
        if (!isLink && e.is_directory(lec)) {
            std::error_code sub;
            walk(e.path(), files, unread, sub);
            if (sub) unread.push_back({e.path(), Message(Msg::CannotReadFolder, {sub.message()})});
            continue;
        }
        if (!isYamlFile(e.path())) continue;
        if (auto why = notAFile(e)) {
            unread.push_back({e.path(), std::move(*why)});
            continue;
        }
        std::error_code sec;
        if (e.is_regular_file(sec)) files.push_back(e.path());
    }
    if (ec && !first) first = ec;
}

}  // namespace

std::vector<fs::path> yamlFilesBelow(const fs::path& dir, std::error_code* error,
                                     std::vector<UnreadEntry>* unread) {
    std::vector<fs::path> files;
    std::vector<UnreadEntry> skipped;
    std::error_code ec;
    walk(dir, files, skipped, ec);
    std::sort(files.begin(), files.end());
    std::sort(skipped.begin(), skipped.end(),
              [](const UnreadEntry& a, const UnreadEntry& b) { return a.path < b.path; });
    if (error) *error = ec;
    if (unread) *unread = std::move(skipped);
    return files;
}

std::string sha256Hex(const std::string& bytes) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr);
    static const char* kHex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < len; ++i) {
        out += kHex[md[i] >> 4];
        out += kHex[md[i] & 15];
    }
    return out;
}

}  // namespace defuse
