#pragma once
/// File I/O that never loses a user's data, and finding defuse's files in folders.
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "defuse/message.hpp"

namespace defuse {

/// What writeFileAtomic does with a file already at the path.
enum class WriteMode {
    Replace,    ///< replace it, keeping its permissions (a 0600 file stays 0600)
    CreateNew,  ///< claim the path: fail when anything is there, even one made a moment ago
};

/// Writes `content` to `path` atomically: a temporary file beside it, flushed and synced,
/// then renamed over the target (Replace) or hard-linked to it, which fails when the path
/// exists (CreateNew, so two writers can never both claim it). On failure the old file is
/// untouched, the temporary is removed, `error` says what went wrong (with the path) and
/// `errorCode` (if given) holds the errno (EEXIST: CreateNew found the path taken).
bool writeFileAtomic(const std::filesystem::path& path, const std::string& content,
                     std::string* error = nullptr, WriteMode mode = WriteMode::Replace,
                     int* errorCode = nullptr);

/// Reads a whole file. On failure returns nullopt and sets `error` (not found, a folder,
/// unreadable, larger than `maxBytes`).
std::optional<std::string> readFile(const std::filesystem::path& path, Message& error,
                                    std::size_t maxBytes = 8u << 20);
/// The same, with the error in English (null: not wanted).
std::optional<std::string> readFile(const std::filesystem::path& path, std::string* error,
                                    std::size_t maxBytes = 8u << 20);

/// True when `path` names a YAML file (extension .yaml or .yml).
bool isYamlFile(const std::filesystem::path& path);

/// Something in a folder that was not read: a subfolder that cannot be opened, or a .yaml
/// name that is not a regular file (a symbolic link that loops or leads nowhere, a FIFO, a
/// device, a socket).
struct UnreadEntry {
    std::filesystem::path path;
    Message why;
};

/// Every regular .yaml and .yml file in `dir` and its subfolders, sorted by path (links to
/// folders are not followed). When `dir` cannot be read (missing, not a folder, no
/// permission), `error` (if given) says why; otherwise it is cleared. What was found and not
/// read goes to `unread` (if given; sorted by path) instead of being skipped in silence.
std::vector<std::filesystem::path> yamlFilesBelow(const std::filesystem::path& dir,
                                                  std::error_code* error = nullptr,
                                                  std::vector<UnreadEntry>* unread = nullptr);

/// Hex SHA-256 of bytes.
std::string sha256Hex(const std::string& bytes);

}  // namespace defuse
