#pragma once
/// File I/O that never loses a user's data.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace defuse {

/// Writes `content` to `path` atomically: a temporary file beside it, flushed and synced,
/// then renamed over the target. On failure the old file is untouched, the temporary is
/// removed, and `error` says what went wrong (with the path).
bool writeFileAtomic(const std::filesystem::path& path, const std::string& content,
                     std::string* error = nullptr);

/// Reads a whole file. On failure returns nullopt and sets `error` (not found, a folder,
/// unreadable, larger than `maxBytes`).
std::optional<std::string> readFile(const std::filesystem::path& path, std::string* error,
                                    std::size_t maxBytes = 8u << 20);

/// Hex SHA-256 of bytes.
std::string sha256Hex(const std::string& bytes);

}  // namespace defuse
