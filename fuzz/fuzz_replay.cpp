// libFuzzer target: the replay loader (see drivers.hpp and docs/hardening.md).
#include <cstddef>
#include <cstdint>

#include "drivers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const defuse::fuzz::Paths paths{DEFUSE_TEST_DATA, DEFUSE_SCENARIO_DIR};
    defuse::fuzz::replay(std::string(reinterpret_cast<const char*>(data), size), paths);
    return 0;
}
