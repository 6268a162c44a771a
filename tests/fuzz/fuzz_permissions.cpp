// libFuzzer: a permissions reference read in place of Graph's, then a few operations' permissions asked of it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "catalog.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    if (!gpb::load_permissions(text).empty()) return 0;
    const gpb::Catalog& model = gpb::Catalog::builtin();
    for (const char* path : {"/me/messages", "/security/incidents/{id}", "/users/{user-id}/sendMail", "/", ""})
        for (const char* method : {"GET", "POST", "PATCH"}) model.permissions_for(method, path);
    return 0;
}
