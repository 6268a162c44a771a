// libFuzzer: validate, for every operation in both directions. The first byte picks both.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api.hpp"
#include "catalog.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const auto& ops = gpb::Catalog::builtin().operations();
    const std::string& id = ops[data[0] % ops.size()]->id;
    std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
    gpb::api::validate(id, body, (data[0] / ops.size()) % 2 == 1);
    return 0;
}
