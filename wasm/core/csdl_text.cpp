// The two spellings of CSDL as text: JSON here, XML in csdl_xml.cpp (native builds, with expat).
#include "csdl_xml.hpp"

#include <algorithm>

namespace gpb {

bool looks_like_xml(std::string_view text) {
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        return c == '<';
    }
    return false;
}

namespace {

// The deepest bracket nesting outside strings, so a hostile document is refused before parsing.
size_t json_depth(std::string_view text) {
    size_t depth = 0, deepest = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

}  // namespace

CsdlText read_csdl_json(std::string_view text, const CsdlLimits& limits) {
    CsdlText out;
    if (text.size() > limits.maxBytes) {
        out.problem = "the metadata is " + std::to_string(text.size()) + " bytes; at most " + std::to_string(limits.maxBytes) + " are read";
        return out;
    }
    if (json_depth(text) > limits.maxDepth) {
        out.problem = "the metadata nests deeper than " + std::to_string(limits.maxDepth) + " levels";
        return out;
    }
    out.csdl = nlohmann::ordered_json::parse(text.begin(), text.end(), nullptr, false);
    if (out.csdl.is_discarded()) {
        out.problem = "not well-formed JSON";
        return out;
    }
    if (!out.csdl.is_object() || !out.csdl.contains("$Version")) {
        out.problem = "not a CSDL JSON document: it has no \"$Version\"";
        return out;
    }
    out.ok = true;
    return out;
}

#ifndef GPB_HAVE_EXPAT
CsdlText read_csdl_xml(std::string_view, const CsdlLimits&) {
    CsdlText out;
    out.problem =
        "this build reads CSDL JSON only: turn CSDL XML into CSDL JSON first (the page does, with its XML reader; the gpb command reads "
        "XML itself)";
    return out;
}
#endif

CsdlText read_csdl(std::string_view text, const CsdlLimits& limits) {
    return looks_like_xml(text) ? read_csdl_xml(text, limits) : read_csdl_json(text, limits);
}

}  // namespace gpb
