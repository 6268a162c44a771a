#include "json_value.hpp"

#include <cerrno>
#include <cstdlib>

namespace gpb {

using ojson = nlohmann::ordered_json;

namespace {

ojson number_of(const JsonNode& node) {
    const bool negative = !node.text.empty() && node.text[0] == '-';
    if (node.integerFits) return negative ? ojson(node.intValue) : ojson(static_cast<uint64_t>(node.intValue));
    if (node.integerLiteral && !negative) {
        errno = 0;
        const unsigned long long value = std::strtoull(node.text.c_str(), nullptr, 10);
        if (errno == 0) return ojson(static_cast<uint64_t>(value));
    }
    return ojson(node.numberValue);
}

}  // namespace

// Depth is bounded by the reader's limits, so the recursion is too.
ojson to_ordered_json(const JsonDocument& document, const JsonNode& node) {
    switch (node.kind) {
        case NodeKind::Object: {
            ojson out = ojson::object();
            for (uint32_t child : node.children) out[document.at(child).key] = to_ordered_json(document, document.at(child));
            return out;
        }
        case NodeKind::Array: {
            ojson out = ojson::array();
            for (uint32_t child : node.children) out.push_back(to_ordered_json(document, document.at(child)));
            return out;
        }
        case NodeKind::String: return node.text;
        case NodeKind::Number: return number_of(node);
        case NodeKind::Boolean: return node.boolValue;
        case NodeKind::Null: return nullptr;
    }
    return nullptr;
}

ojson read_json_value(std::string_view text) {
    Diagnostics findings;  // a name given twice is one of them, and no reason to refuse the text
    const JsonDocument document = parse_json(text, ParseLimits{}, findings);
    if (!document.complete) return ojson(ojson::value_t::discarded);
    return to_ordered_json(document, document.root());
}

}  // namespace gpb
