// Model packs: a model read from CSDL, written one record per line so that it loads fast (the
// format is described in model_pack.cpp). The build makes one per Graph version.
#pragma once

#include <string>
#include <string_view>

#include "catalog.hpp"

namespace gpb {

// The model's types, enums, container and actions as read from its metadata (no overlay).
std::string write_model_pack(const Catalog& model, const std::string& name);
bool is_model_pack(std::string_view text);

class ModelPackReader {
public:
    // Reads a pack into an empty catalog; the problem, or empty. Catalog::resolve() comes after.
    static std::string read(Catalog& catalog, std::string_view text);

private:
    static size_t count_properties(std::string_view text, size_t at);
};

}  // namespace gpb
