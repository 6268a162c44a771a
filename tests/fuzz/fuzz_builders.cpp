// libFuzzer: the request and response builders (and the example) for a body and an operation.
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
    gpb::api::request(id, body, body);  // the body doubles as (mostly invalid) parameters JSON
    gpb::api::response(id, body);
    gpb::api::example(id, data[0] & 1);
    return 0;
}
