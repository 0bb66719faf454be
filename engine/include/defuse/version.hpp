#pragma once
namespace defuse {
/// The engine's version, recorded in every replay.
inline constexpr const char* kEngineVersion = "0.1.0";
}  // namespace defuse
