// libFuzzer: the raw HTTP request reader (pasted requests).
#include <cstddef>
#include <cstdint>
#include <string>

#include "api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    gpb::api::parse_request(std::string(reinterpret_cast<const char*>(data), size));
    return 0;
}
