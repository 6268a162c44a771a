#include "json_tree.hpp"

#include <nlohmann/json.hpp>

#include <unordered_set>

namespace gpb {

const char* node_kind_name(NodeKind kind) {
    switch (kind) {
        case NodeKind::Object: return "an object";
        case NodeKind::Array: return "an array";
        case NodeKind::String: return "a string";
        case NodeKind::Number: return "a number";
        case NodeKind::Boolean: return "a boolean";
        case NodeKind::Null: return "null";
    }
    return "a value";
}

const JsonNode* JsonDocument::member(const JsonNode& object, std::string_view name) const {
    for (uint32_t child : object.children)
        if (nodes[child].key == name) return &nodes[child];
    return nullptr;
}

std::string json_quote(std::string_view value) {
    std::string out;
    out.reserve(value.size() + 2);
    out.push_back('"');
    for (unsigned char c : value) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) {
                    static const char* hex = "0123456789abcdef";
                    out += "\\u00";
                    out.push_back(hex[c >> 4]);
                    out.push_back(hex[c & 15]);
                } else {
                    out.push_back(static_cast<char>(c));
                }
        }
    }
    out.push_back('"');
    return out;
}

namespace {

using nlohmann::json;

// nlohmann's SAX events carry no positions, so the handler walks the text beside the parser:
// every event corresponds to the next token after whitespace and separators.
class TreeBuilder {
public:
    TreeBuilder(std::string_view text, const ParseLimits& limits, Diagnostics& out)
        : text_(text), limits_(limits), out_(out) {}

    JsonDocument document;

    bool null() { add_scalar(NodeKind::Null, 4); return true; }
    bool boolean(bool value) {
        JsonNode& node = add_scalar(NodeKind::Boolean, value ? 4 : 5);
        node.boolValue = value;
        return true;
    }
    bool number_integer(json::number_integer_t value) { return number(static_cast<double>(value), true, value); }
    bool number_unsigned(json::number_unsigned_t value) {
        bool fits = value <= static_cast<json::number_unsigned_t>(INT64_MAX);
        return number(static_cast<double>(value), fits, fits ? static_cast<int64_t>(value) : 0);
    }
    bool number_float(json::number_float_t value, const std::string&) { return number(value, false, 0); }
    bool string(std::string& value) {
        JsonNode& node = add_value(NodeKind::String);
        node.end = string_end(node.begin);
        cursor_ = node.end;
        node.text = std::move(value);
        return true;
    }
    bool binary(json::binary_t&) { return true; }

    bool start_object(std::size_t) { return open(NodeKind::Object); }
    bool start_array(std::size_t) { return open(NodeKind::Array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& name) {
        pendingKeyBegin_ = skip_separators(cursor_);
        pendingKeyEnd_ = string_end(pendingKeyBegin_);
        cursor_ = pendingKeyEnd_;
        pendingKey_ = std::move(name);
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        // The offending token starts after the last good one and at most one separator the
        // parser accepted; nlohmann's position is the end of what it read.
        uint32_t end = static_cast<uint32_t>(std::min(position, text_.size()));
        uint32_t begin = skip_whitespace(cursor_);
        if (begin < text_.size() && (text_[begin] == ',' || text_[begin] == ':') && position > begin + 1)
            begin = skip_whitespace(begin + 1);
        begin = std::min(begin, static_cast<uint32_t>(text_.size()));
        end = std::max(end, std::min<uint32_t>(begin + 1, static_cast<uint32_t>(text_.size())));
        if (ex.id == 406) {  // a number beyond the range of a double
            Diagnostic d;
            d.code = "limit";
            d.begin = begin;
            d.end = end;
            d.message = "This number is too large to read (beyond the range of a 64-bit float).";
            out_.push_back(std::move(d));
            return false;
        }
        Diagnostic d;
        d.code = "json-syntax";
        d.begin = begin;
        d.end = end;
        d.message = syntax_message(ex.what(), end >= text_.size());
        out_.push_back(std::move(d));
        return false;
    }

private:
    bool number(double value, bool fits, int64_t intValue) {
        JsonNode& node = add_value(NodeKind::Number);
        uint32_t end = node.begin;
        bool integer = true;
        while (end < text_.size()) {
            char c = text_[end];
            if (c == '.' || c == 'e' || c == 'E') integer = false;
            else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) break;
            ++end;
        }
        node.end = end;
        cursor_ = end;
        node.numberValue = value;
        node.integerLiteral = integer;
        node.integerFits = integer && fits;
        node.intValue = intValue;
        node.text.assign(text_.substr(node.begin, end - node.begin));
        return true;
    }

    JsonNode& add_scalar(NodeKind kind, uint32_t length) {
        JsonNode& node = add_value(kind);
        node.end = node.begin + length;
        cursor_ = node.end;
        return node;
    }

    JsonNode& add_value(NodeKind kind) {
        uint32_t index = static_cast<uint32_t>(document.nodes.size());
        document.nodes.emplace_back();
        JsonNode& node = document.nodes.back();
        node.kind = kind;
        node.begin = skip_separators(cursor_);
        if (!stack_.empty()) {
            Frame& frame = stack_.back();
            JsonNode& parent = document.nodes[frame.node];
            node.parent = frame.node;
            if (parent.kind == NodeKind::Object) {
                node.hasKey = true;
                node.keyBegin = pendingKeyBegin_;
                node.keyEnd = pendingKeyEnd_;
                node.key = std::move(pendingKey_);
                check_duplicate(frame, index);
            }
            document.nodes[frame.node].children.push_back(index);
        }
        return document.nodes[index];
    }

    bool open(NodeKind kind) {
        if (stack_.size() >= limits_.maxDepth) {
            uint32_t at = skip_separators(cursor_);
            Diagnostic d;
            d.code = "limit";
            d.begin = at;
            d.end = at + 1;
            d.message = "The body nests deeper than " + std::to_string(limits_.maxDepth) +
                        " levels; this tool stops reading there.";
            out_.push_back(std::move(d));
            return false;
        }
        JsonNode& node = add_value(kind);
        cursor_ = node.begin + 1;
        stack_.push_back(Frame{static_cast<uint32_t>(&node - document.nodes.data()), {}});
        return true;
    }

    bool close() {
        uint32_t at = skip_separators(cursor_);
        document.nodes[stack_.back().node].end = at + 1;
        cursor_ = at + 1;
        stack_.pop_back();
        return true;
    }

    struct Frame {
        uint32_t node;
        std::unordered_set<std::string> keys;  // filled only once an object grows past a few members
    };

    void check_duplicate(Frame& frame, uint32_t index) {
        const JsonNode& parent = document.nodes[frame.node];
        const std::string& name = document.nodes[index].key;
        bool duplicate = false;
        constexpr size_t kLinearScanLimit = 16;
        if (parent.children.size() < kLinearScanLimit) {
            for (uint32_t sibling : parent.children)
                if (document.nodes[sibling].key == name) { duplicate = true; break; }
        } else {
            if (frame.keys.empty())
                for (uint32_t sibling : parent.children) frame.keys.insert(document.nodes[sibling].key);
            duplicate = !frame.keys.insert(name).second;
        }
        if (!duplicate) return;
        Diagnostic d;
        d.code = "duplicate-key";
        d.begin = document.nodes[index].keyBegin;
        d.end = document.nodes[index].keyEnd;
        d.pointer = pointer_of(index);
        d.message = "The member " + json_quote(name) + " appears more than once in this object; receivers keep only one of them.";
        out_.push_back(std::move(d));
    }

    // Called while the node's ancestors are all open, so each is the last child of its parent.
    std::string pointer_of(uint32_t index) const {
        std::vector<std::string> tokens;
        for (uint32_t at = index; document.nodes[at].parent != kNoNode; at = document.nodes[at].parent) {
            const JsonNode& node = document.nodes[at];
            const JsonNode& parent = document.nodes[node.parent];
            if (parent.kind == NodeKind::Object) tokens.push_back(node.key);
            else tokens.push_back(std::to_string(parent.children.size() - (at == index ? 0 : 1)));
        }
        std::string pointer;
        for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) pointer = pointer_append(pointer, *it);
        return pointer;
    }

    uint32_t skip_whitespace(uint32_t at) const {
        while (at < text_.size() && (text_[at] == ' ' || text_[at] == '\t' || text_[at] == '\n' || text_[at] == '\r')) ++at;
        return at;
    }

    uint32_t skip_separators(uint32_t at) const {
        while (at < text_.size()) {
            char c = text_[at];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':') break;
            ++at;
        }
        return at;
    }

    uint32_t string_end(uint32_t openingQuote) const {
        uint32_t at = openingQuote + 1;
        while (at < text_.size()) {
            char c = text_[at];
            if (c == '\\') at += 2;
            else if (c == '"') return at + 1;
            else ++at;
        }
        return static_cast<uint32_t>(text_.size());
    }

    static std::string syntax_message(const std::string& what, bool atEnd) {
        // what() reads "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error
        // while parsing value - invalid literal; last read: '...'"; keep the middle, drop raw bytes.
        std::string detail = what;
        size_t colon = detail.find(": ");
        if (colon != std::string::npos) detail = detail.substr(colon + 2);
        size_t lastRead = detail.find("; last read");
        if (lastRead != std::string::npos) detail = detail.substr(0, lastRead);
        size_t syntaxPrefix = detail.find("syntax error while parsing ");
        if (syntaxPrefix == 0) detail = "while reading " + detail.substr(27);
        if (atEnd && detail.find("end of input") == std::string::npos) detail += " (at the end of the text)";
        return "This is not valid JSON: " + detail + ".";
    }

    std::string_view text_;
    const ParseLimits& limits_;
    Diagnostics& out_;
    std::vector<Frame> stack_;
    uint32_t cursor_ = 0;
    std::string pendingKey_;
    uint32_t pendingKeyBegin_ = 0, pendingKeyEnd_ = 0;
};

}  // namespace

JsonDocument parse_json(std::string_view text, const ParseLimits& limits, Diagnostics& diagnostics) {
    if (text.size() > limits.maxBytes) {
        Diagnostic d;
        d.code = "limit";
        d.begin = 0;
        d.end = 0;
        d.message = "The body is " + std::to_string(text.size()) + " bytes; this tool reads at most " +
                    std::to_string(limits.maxBytes) + " bytes.";
        diagnostics.push_back(std::move(d));
        return {};
    }
    size_t firstNonSpace = text.find_first_not_of(" \t\r\n");
    if (firstNonSpace == std::string_view::npos) {
        Diagnostic d;
        d.code = "json-syntax";
        d.begin = d.end = static_cast<uint32_t>(text.size());
        d.message = text.empty() ? "The body is empty; a JSON object is expected."
                                 : "The body holds only whitespace; a JSON object is expected.";
        diagnostics.push_back(std::move(d));
        return {};
    }
    TreeBuilder builder(text, limits, diagnostics);
    bool ok = json::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json, true, false);
    // nlohmann stops at a NUL byte as if the input ended there; whatever follows must not be dropped.
    if (ok && !builder.document.nodes.empty()) {
        size_t rest = text.find_first_not_of(" \t\r\n", builder.document.root().end);
        if (rest != std::string_view::npos) {
            Diagnostic d;
            d.code = "json-syntax";
            d.begin = static_cast<uint32_t>(rest);
            d.end = static_cast<uint32_t>(rest + 1);
            d.message = text[rest] == '\0' ? "This is not valid JSON: a NUL byte follows the value."
                                            : "This is not valid JSON: more text follows the value.";
            diagnostics.push_back(std::move(d));
            ok = false;
        }
    }
    builder.document.complete = ok;
    return std::move(builder.document);
}

}  // namespace gpb
