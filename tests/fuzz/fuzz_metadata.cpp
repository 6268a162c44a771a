// libFuzzer: CSDL metadata as XML and as JSON, read into a model, then a few URLs resolved on it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "catalog.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    if (!gpb::Catalog::load_named("fuzz", text).empty()) return 0;
    const gpb::Catalog* model = gpb::Catalog::named("fuzz");
    for (const auto& set : model->entitySets()) {
        model->resolve("GET", set->path);
        model->resolve("POST", set->path);
        model->resolve("PATCH", set->path + "/1");
    }
    model->search("a", 50);
    return 0;
}
