// Model packs: a model read from CSDL, written one record per line so that it loads fast (the
// format is described in model_pack.cpp). The build makes one per Graph version.
#pragma once

#include <string>
#include <string_view>
#include <vector>

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
    // The type or action that P and R lines add to.
    struct Reading {
        TypeDef* type = nullptr;
        ActionDef* action = nullptr;
    };
    static bool read_record(Catalog& c, std::string_view line, std::vector<std::string_view>& fields, Reading& reading,
                            std::string_view text, size_t at);
    static bool read_enum(Catalog& c, const std::vector<std::string_view>& fields);
    static TypeDef* read_type(Catalog& c, const std::vector<std::string_view>& fields, size_t properties);
    static void read_set(Catalog& c, const std::vector<std::string_view>& fields);
    static ActionDef* read_action(Catalog& c, const std::vector<std::string_view>& fields);
    static size_t count_properties(std::string_view text, size_t at);
};

}  // namespace gpb
