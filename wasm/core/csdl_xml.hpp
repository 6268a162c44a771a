// Reads OData CSDL XML ($metadata) into CSDL JSON, the one form the model builder reads (see
// csdl_model.hpp). Built on expat; a document with a DOCTYPE (and so any entity declaration) is
// refused, and nothing outside the text is ever read.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace gpb {

struct CsdlLimits {
    size_t maxBytes = 64u << 20;  // Graph's beta $metadata is about 4 MB
    size_t maxDepth = 32;         // CSDL nests about 8 deep
};

struct CsdlText {
    bool ok = false;
    std::string problem;          // one line, when !ok
    nlohmann::ordered_json csdl;  // CSDL JSON (OData CSDL JSON 4.01)
};

// True when the text looks like XML rather than JSON (its first non-blank character is '<').
bool looks_like_xml(std::string_view text);

CsdlText read_csdl_xml(std::string_view text, const CsdlLimits& limits = {});
// CSDL JSON text: parsed after a depth and size check.
CsdlText read_csdl_json(std::string_view text, const CsdlLimits& limits = {});
// Either form, by its first character.
CsdlText read_csdl(std::string_view text, const CsdlLimits& limits = {});

}  // namespace gpb
