#include "json_tree.hpp"
#include "diagnostic_codes.hpp"

#include <cstdlib>
#include <cstring>

#include "text.hpp"

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

namespace {

// U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069: marks and overrides of text direction.
bool bidi_control(const unsigned char* p, size_t length) {
    if (length == 2) return p[0] == 0xD8 && p[1] == 0x9C;
    if (length != 3 || p[0] != 0xE2) return false;
    if (p[1] == 0x80) return p[2] == 0x8E || p[2] == 0x8F || (p[2] >= 0xAA && p[2] <= 0xAE);
    return p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9;
}

// Two-byte escapes by byte: 0 where the byte has none.
char short_escape(unsigned char c) {
    switch (c) {
        case '"': return '"';
        case '\\': return '\\';
        case '\n': return 'n';
        case '\r': return 'r';
        case '\t': return 't';
        case '\b': return 'b';
        case '\f': return 'f';
        default: return 0;
    }
}

char* write_unicode_escape(char* to, unsigned cp) {
    *to++ = '\\';
    *to++ = 'u';
    for (int shift = 12; shift >= 0; shift -= 4) *to++ = kHexLower[(cp >> shift) & 15];
    return to;
}

}  // namespace

char* write_json_string(char* to, std::string_view value) {
    *to++ = '"';
    const auto* bytes = reinterpret_cast<const unsigned char*>(value.data());
    for (size_t i = 0; i < value.size();) {
        // Bytes that need no escape are copied a block at a time: every byte of a block takes at
        // least one byte written, so a whole block always fits in the room.
        i = scan_detail::copy_plain_string_bytes(value.data(), i, value.size(), to);
        if (i == value.size()) break;
        const unsigned char c = bytes[i];
        if (c >= 0x80) {
            const size_t length = scan_detail::utf8_sequence_length(bytes + i, value.size() - i);
            if (length && bidi_control(bytes + i, length)) {
                // Written as an escape: quoted into a message, it must not reverse the words around it.
                to = write_unicode_escape(to, length == 2 ? ((c & 0x1Fu) << 6) | (bytes[i + 1] & 0x3Fu)
                                                          : ((c & 0x0Fu) << 12) | ((bytes[i + 1] & 0x3Fu) << 6) | (bytes[i + 2] & 0x3Fu));
            } else if (length) {
                std::memcpy(to, value.data() + i, length);
                to += length;
            } else {
                std::memcpy(to, "\xEF\xBF\xBD", 3);  // U+FFFD for a byte that is not UTF-8
                to += 3;
            }
            i += length ? length : 1;
            continue;
        }
        if (const char e = short_escape(c)) {
            *to++ = '\\';
            *to++ = e;
        } else if (c < 0x20) {
            to = write_unicode_escape(to, c);
        } else {
            *to++ = static_cast<char>(c);
        }
        ++i;
    }
    *to++ = '"';
    return to;
}

size_t json_string_room(std::string_view value) {
    return 2 + value.size() + 5 * scan_detail::count_special_bytes(value.data(), value.size());
}

void append_json_string(std::string& out, std::string_view value) {
    const size_t used = out.size();
    out.resize(used + json_string_room(value));
    out.resize(static_cast<size_t>(write_json_string(&out[used], value) - out.data()));
}

std::string json_quote(std::string_view value) {
    std::string out(json_string_room(value), '\0');
    out.resize(static_cast<size_t>(write_json_string(out.data(), value) - out.data()));
    return out;
}

Diagnostic scan_error_diagnostic(const ScanError& error) {
    Diagnostic d;
    d.code = code_name(error.limit ? Code::Limit : Code::JsonSyntax);
    d.begin = error.begin;
    d.end = error.end;
    d.message = error.message;
    return d;
}

Diagnostic duplicate_key_diagnostic(std::string_view name, uint32_t begin, uint32_t end, std::string pointer) {
    Diagnostic d;
    d.code = code_name(Code::DuplicateKey);
    d.begin = begin;
    d.end = end;
    d.pointer = std::move(pointer);
    d.message = "The member " + json_quote(name) + " appears more than once in this object; receivers keep only one of them.";
    return d;
}

namespace {

class TreeBuilder {
public:
    explicit TreeBuilder(Diagnostics& out) : out_(out) {}

    JsonDocument document;

    bool begin_object(uint32_t at) { return open(NodeKind::Object, at); }
    bool begin_array(uint32_t at) { return open(NodeKind::Array, at); }
    bool end_object(uint32_t, uint32_t end, const ObjectKeys&) { return close(end); }
    bool end_array(uint32_t, uint32_t end) { return close(end); }
    bool key(std::string_view name, uint32_t begin, uint32_t end) {
        pendingKey_.assign(name.data(), name.size());
        pendingKeyBegin_ = begin;
        pendingKeyEnd_ = end;
        return true;
    }
    bool duplicate_key(std::string_view name, uint32_t begin, uint32_t end) {
        if (out_.size() >= kMaxDiagnostics) return true;
        out_.push_back(duplicate_key_diagnostic(name, begin, end, pointer_append(pointer_of(open_.back()), std::string(name))));
        return true;
    }
    bool string_value(std::string_view text, uint32_t begin, uint32_t end) {
        add(NodeKind::String, begin, end).text.assign(text.data(), text.size());
        return true;
    }
    bool number_value(const JsonNumber& number, uint32_t begin, uint32_t end) {
        JsonNode& node = add(NodeKind::Number, begin, end);
        node.text.assign(number.literal.data(), number.literal.size());
        node.integerLiteral = number.integer;
        node.integerFits = number.fits;
        node.intValue = number.value;
        node.numberValue = number.fits ? static_cast<double>(number.value) : std::strtod(node.text.c_str(), nullptr);
        return true;
    }
    bool bool_value(bool value, uint32_t begin, uint32_t end) {
        add(NodeKind::Boolean, begin, end).boolValue = value;
        return true;
    }
    bool null_value(uint32_t begin, uint32_t end) {
        add(NodeKind::Null, begin, end);
        return true;
    }

private:
    JsonNode& add(NodeKind kind, uint32_t begin, uint32_t end) {
        uint32_t index = static_cast<uint32_t>(document.nodes.size());
        document.nodes.emplace_back();
        JsonNode& node = document.nodes.back();
        node.kind = kind;
        node.begin = begin;
        node.end = end;
        if (!open_.empty()) {
            JsonNode& parent = document.nodes[open_.back()];
            node.parent = open_.back();
            if (parent.kind == NodeKind::Object) {
                node.hasKey = true;
                node.key = std::move(pendingKey_);
                node.keyBegin = pendingKeyBegin_;
                node.keyEnd = pendingKeyEnd_;
            }
            parent.children.push_back(index);
        }
        return document.nodes[index];
    }

    bool open(NodeKind kind, uint32_t at) {
        add(kind, at, at + 1);
        open_.push_back(static_cast<uint32_t>(document.nodes.size() - 1));
        return true;
    }

    bool close(uint32_t end) {
        document.nodes[open_.back()].end = end;
        open_.pop_back();
        return true;
    }

    // The pointer of an open node (each of its ancestors is the last child of its parent).
    std::string pointer_of(uint32_t index) const {
        std::vector<std::string> tokens;
        for (uint32_t at = index; document.nodes[at].parent != kNoNode; at = document.nodes[at].parent) {
            const JsonNode& node = document.nodes[at];
            const JsonNode& parent = document.nodes[node.parent];
            tokens.push_back(parent.kind == NodeKind::Object ? node.key : std::to_string(parent.children.size() - 1));
        }
        std::string pointer;
        for (auto it = tokens.rbegin(); it != tokens.rend(); ++it) pointer = pointer_append(pointer, *it);
        return pointer;
    }

    Diagnostics& out_;
    std::vector<uint32_t> open_;
    std::string pendingKey_;
    uint32_t pendingKeyBegin_ = 0, pendingKeyEnd_ = 0;
};

}  // namespace

JsonDocument parse_json(std::string_view text, const ParseLimits& limits, Diagnostics& diagnostics) {
    TreeBuilder builder(diagnostics);
    JsonScanner<TreeBuilder> scanner(text, limits, builder);
    bool ok = scanner.scan_document();
    if (!ok) diagnostics.push_back(scan_error_diagnostic(scanner.error()));
    builder.document.complete = ok;
    return std::move(builder.document);
}

}  // namespace gpb
