#include "defuse/files.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

namespace defuse {

namespace fs = std::filesystem;

namespace {
std::string sysError(const std::string& what, const fs::path& p) {
    return what + " " + p.string() + ": " + std::strerror(errno);
}
}  // namespace

bool writeFileAtomic(const fs::path& path, const std::string& content, std::string* error) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        if (error) *error = "cannot write " + path.string() + ": it is a folder";
        return false;
    }
    const bool existed = fs::exists(path, ec);
    auto fail = [&](const std::string& msg) {
        // Say so: after "disk full" the first worry is whether the old file survived.
        if (error) *error = msg + (existed ? " (the old file is unchanged)" : "");
        return false;
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
    if (fd < 0) return fail(sysError("cannot write", path));
    const char* p = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            std::string msg = sysError("cannot write", path);
            ::close(fd);
            ::unlink(tmp.c_str());
            return fail(msg);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    // Close even when fsync fails (it used to leak the descriptor then).
    bool synced = ::fsync(fd) == 0;
    std::string msg = synced ? std::string() : sysError("cannot write", path);
    if (::close(fd) != 0 && synced) msg = sysError("cannot write", path);
    if (!msg.empty()) {
        ::unlink(tmp.c_str());
        return fail(msg);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        std::string why = sysError("cannot replace", path);
        ::unlink(tmp.c_str());
        return fail(why);
    }
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return true;
}

std::optional<std::string> readFile(const fs::path& path, Message& error, std::size_t maxBytes) {
    auto fail = [&](Message msg) -> std::optional<std::string> {
        error = std::move(msg);
        return std::nullopt;
    };
    std::error_code ec;
    auto st = fs::status(path, ec);
    if (ec || !fs::exists(st)) return fail(Msg::NoSuchFile);
    if (fs::is_directory(st)) return fail(Msg::IsAFolder);
    if (!fs::is_regular_file(st)) return fail(Msg::NotARegularFile);
    auto size = fs::file_size(path, ec);
    if (!ec && size > maxBytes)
        return fail(Message(Msg::FileTooLargeSize,
                            {std::to_string(size / 1024), std::to_string(maxBytes / 1024)}));
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(Message(Msg::CannotOpenFile, {std::string(std::strerror(errno))}));
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return fail(Msg::CannotReadFile);
    std::string s = ss.str();
    if (s.size() > maxBytes) return fail(Msg::FileTooLarge);
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

std::vector<fs::path> yamlFilesBelow(const fs::path& dir, std::error_code* error) {
    std::vector<fs::path> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code statEc;  // a broken link is not a file, and not a reason to stop
        if (isYamlFile(it->path()) && it->is_regular_file(statEc)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    if (error) *error = ec;
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
