#pragma once
/// File I/O that never loses a user's data, and finding defuse's files in folders.
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "defuse/message.hpp"

namespace defuse {

/// Writes `content` to `path` atomically: a temporary file beside it, flushed and synced,
/// then renamed over the target. On failure the old file is untouched, the temporary is
/// removed, and `error` says what went wrong (with the path).
bool writeFileAtomic(const std::filesystem::path& path, const std::string& content,
                     std::string* error = nullptr);

/// Reads a whole file. On failure returns nullopt and sets `error` (not found, a folder,
/// unreadable, larger than `maxBytes`).
std::optional<std::string> readFile(const std::filesystem::path& path, Message& error,
                                    std::size_t maxBytes = 8u << 20);
/// The same, with the error in English (null: not wanted).
std::optional<std::string> readFile(const std::filesystem::path& path, std::string* error,
                                    std::size_t maxBytes = 8u << 20);

/// True when `path` names a YAML file (extension .yaml or .yml).
bool isYamlFile(const std::filesystem::path& path);

/// Every regular .yaml and .yml file in `dir` and its subfolders, sorted by path. Folders that
/// cannot be entered are skipped. When `dir` cannot be read (missing, not a folder, no
/// permission) or the walk stops early, `error` (if given) says why and the files found so far
/// are returned; otherwise `error` is cleared.
std::vector<std::filesystem::path> yamlFilesBelow(const std::filesystem::path& dir,
                                                  std::error_code* error = nullptr);

/// Hex SHA-256 of bytes.
std::string sha256Hex(const std::string& bytes);

}  // namespace defuse
