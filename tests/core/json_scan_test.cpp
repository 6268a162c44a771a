// The JSON reader: where each syntax error points and what it says, what it decodes, and that a
// member read late (an "@odata.type" after the properties) counts as much as one read first.
#include <catch2/catch.hpp>

#include <random>

#include "json_tree.hpp"
#include "support.hpp"
#include "text.hpp"

namespace {

// JSON text of a string the plain way, a byte at a time, as json_quote must write it.
std::string reference_quote(const std::string& value) {
    static const std::vector<std::string> bidi = {"\xD8\x9C",     "\xE2\x80\x8E", "\xE2\x80\x8F", "\xE2\x80\xAA",
                                                  "\xE2\x80\xAE", "\xE2\x81\xA6", "\xE2\x81\xA9"};
    static const std::vector<std::string> bidiEscapes = {"\\u061c", "\\u200e", "\\u200f", "\\u202a", "\\u202e", "\\u2066", "\\u2069"};
    std::string out = "\"";
    for (size_t i = 0; i < value.size();) {
        bool matched = false;
        for (size_t k = 0; k < bidi.size() && !matched; ++k)
            if (value.compare(i, bidi[k].size(), bidi[k]) == 0) {
                out += bidiEscapes[k];
                i += bidi[k].size();
                matched = true;
            }
        if (matched) continue;
        const auto c = static_cast<unsigned char>(value[i]);
        if (c == 0xC3 && i + 1 < value.size() && static_cast<unsigned char>(value[i + 1]) == 0xA9) {
            out += "\xC3\xA9";
            i += 2;
            continue;
        }
        if (c >= 0x80) out += "\xEF\xBF\xBD";  // the pieces below hold no other non-ASCII byte that is UTF-8
        else if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c == '\b') out += "\\b";
        else if (c == '\f') out += "\\f";
        else if (c < 0x20) {
            const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else out += static_cast<char>(c);
        ++i;
    }
    return out + "\"";
}

struct SyntaxRow {
    std::string text;
    uint32_t column;  // 1-based UTF-16 column of the error
    std::string message;
};

}  // namespace

TEST_CASE("each syntax error points at the offending character and says what is wrong") {
    const std::vector<SyntaxRow> rows = {
        {"{\"status\": tru}", 12, "This is not valid JSON: a value is expected here (true, false and null are written in lower case)."},
        {"{\"status\": \"open\",}", 19, "This is not valid JSON: a member name is expected after ',' (JSON allows no trailing comma)."},
        {"{\"a\": [1,]}", 10, "This is not valid JSON: a value is expected after ',' (JSON allows no trailing comma)."},
        {"{'status': 1}", 2, "This is not valid JSON: member names use double quotes, not single quotes."},
        {"{\"a\": 'x'}", 7, "This is not valid JSON: JSON strings use double quotes, not single quotes."},
        {"{\"a\" 1}", 6, "This is not valid JSON: ':' is expected after the member name."},
        {"{\"a\": 1 \"b\": 2}", 9, "This is not valid JSON: ',' or '}' is expected after a member."},
        {"{\"a\": [1 2]}", 10, "This is not valid JSON: ',' or ']' is expected after an item."},
        {"{\"a\": \"line\nbreak\"}", 12,
         "This is not valid JSON: a string cannot hold a line break (write \\n), or its closing '\"' is missing."},
        {"{\"a\": \"tab\there\"}", 11, "This is not valid JSON: a control character (U+0009) must be written as an escape in a string."},
        {"{\"a\": \"\\x\"}", 8,
         "This is not valid JSON: this is not an escape sequence (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)."},
        {"{\"a\": \"\\u12G4\"}", 8, "This is not valid JSON: \\u must be followed by four hexadecimal digits."},
        {"{\"a\": \"\\uD800\"}", 8, "This is not valid JSON: this \\u escape is the first half of a surrogate pair without the second."},
        {"{\"a\": \"\\uDC00\"}", 8, "This is not valid JSON: this \\u escape is the second half of a surrogate pair without the first."},
        {"{\"a\": \"\xED\xA0\x80\"}", 8, "This is not valid JSON: a lone UTF-16 surrogate (half of a pair) is not a character."},
        {"{\"a\": \"\xC0\xAF\"}", 8, "This is not valid JSON: the text is not valid UTF-8 here."},
        {"{\"a\": 012}", 7, "This is not valid JSON: a number cannot start with 0 followed by more digits."},
        {"{\"a\": 1.}", 7, "This is not valid JSON: a digit must follow the decimal point."},
        {"{\"a\": 1e+}", 7, "This is not valid JSON: the exponent needs digits."},
        {"{\"a\": -x}", 7, "This is not valid JSON: a number needs a digit after '-'."},
        {"{\"a\": 1", 8, "This is not valid JSON: the text ends before the object is closed ('}' is missing)."},
        {"{\"a\": \"x", 9, "This is not valid JSON: the text ends inside a string (the closing '\"' is missing)."},
        {"{\"a\":", 6, "This is not valid JSON: the text ends where a value is expected."},
        {"{\"a\": 1} {}", 10, "This is not valid JSON: more text follows the value."},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        auto r = test::check("incidentTask.update", row.text);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].code == "json-syntax");
        CHECK(r.diagnostics[0].column == row.column);
        CHECK(r.diagnostics[0].message == row.message);
        CHECK_FALSE(r.parsed);
    }
}

TEST_CASE("a body that does not parse keeps only what the reader found before the error") {
    // The duplicate comes before the syntax error, the unknown property would be a model finding.
    auto r = test::check("incidentTask.update", "{\"status\": \"open\", \"status\": \"open\", \"nope\": 1,}");
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].code == "duplicate-key");
    CHECK(r.diagnostics[0].pointer == "/status");
    CHECK(r.diagnostics[1].code == "json-syntax");
}

TEST_CASE("an @odata.type written after the properties types the object as one written first") {
    const std::string first =
        "{\"@odata.type\": \"#microsoft.graph.securityConfigurationTask\", \"displayName\": 5, \"intendedSettings\": [{\"name\": \"a\"}]}";
    const std::string last =
        "{\"displayName\": 5, \"intendedSettings\": [{\"name\": \"a\"}], \"@odata.type\": \"#microsoft.graph.securityConfigurationTask\"}";
    auto a = test::check("securityConfigurationTask.update", first);
    auto b = test::check("securityConfigurationTask.update", last);
    CHECK(test::findings(a) == test::findings(b));
    CHECK(test::findings(b) == std::set<test::Finding>{{"type-mismatch", "/displayName"}});
}

TEST_CASE("duplicates inside values that are not checked still carry their full pointer") {
    auto r = test::check("incidentTask.update", "{\"nope\": [{\"x\": {\"y\": 1, \"y\": 2}}], \"status\": \"open\"}");
    const gpb::Diagnostic* d = test::find(r, "duplicate-key", "/nope/0/x/y");
    REQUIRE(d != nullptr);
    CHECK(d->column == 26);
}

TEST_CASE("the tree decodes escapes and surrogate pairs, and keeps numbers as written") {
    gpb::Diagnostics found;
    auto doc =
        gpb::parse_json("{\"a\\u00e9\": \"\\ud83d\\ude00\\n\", \"n\": -9223372036854775808, \"f\": 1.5e3, \"big\": 18446744073709551616}",
                        gpb::ParseLimits{}, found);
    REQUIRE(doc.complete);
    CHECK(found.empty());
    const gpb::JsonNode& root = doc.root();
    REQUIRE(root.children.size() == 4);
    CHECK(doc.at(root.children[0]).key == "a\xC3\xA9");
    CHECK(doc.at(root.children[0]).text == "\xF0\x9F\x98\x80\n");
    CHECK(doc.at(root.children[1]).integerFits);
    CHECK(doc.at(root.children[1]).intValue == INT64_MIN);
    CHECK_FALSE(doc.at(root.children[2]).integerLiteral);
    CHECK(doc.at(root.children[2]).numberValue == 1500.0);
    CHECK(doc.at(root.children[3]).integerLiteral);
    CHECK_FALSE(doc.at(root.children[3]).integerFits);
    CHECK(doc.at(root.children[3]).text == "18446744073709551616");
}

TEST_CASE("the reader's buffers carry nothing from one body to the next") {
    std::string many = "{\"nope\": {";
    for (int i = 0; i < 40; ++i) many += std::string(i ? "," : "") + "\"k\\u00e9" + std::to_string(i) + "\":0";
    many += ", \"k\\u00e97\": 1}, \"status\": \"open\"}";
    const std::vector<std::pair<std::string, std::string>> bodies = {
        {"incidentTask.update", many},
        {"incidentTask.update", "{\"status\": \"open\", \"status\": \"x\"}"},
        {"incidentTask.update", "{\"a\": {\"b\": [1, {\"c\": 2, \"c\": 3}]}, \"status\": 1"},
        {"securityConfigurationTask.update",
         "{\"intendedSettings\": [{\"name\": \"a\"}], \"@odata.type\": \"#microsoft.graph.securityConfigurationTask\"}"},
        {"incidentTask.update", "{\"status\": \"open\"}"},
    };
    std::vector<std::string> forward, backward(bodies.size());
    for (const auto& [op, body] : bodies) forward.push_back(gpb::validation_json(test::check(op, body)));
    for (size_t i = bodies.size(); i-- > 0;) backward[i] = gpb::validation_json(test::check(bodies[i].first, bodies[i].second));
    CHECK(forward == backward);
    CHECK(test::findings(test::check("incidentTask.update", many)) == std::set<test::Finding>{{"unknown-property", "/nope"},
                                                                                              {"duplicate-key",
                                                                                               "/nope/k\xC3\xA9"
                                                                                               "7"}});
}

TEST_CASE("same_text agrees with == for every length up to 40 and a difference at every place") {
    const std::string source = "#microsoft.graph.intendedSettings@odata.type";
    size_t wrong = 0;
    for (size_t n = 0; n <= 40; ++n) {
        const std::string a = source.substr(0, n);
        const std::string copy = a;  // another buffer: the bytes are compared, not the pointers
        wrong += !gpb::same_text(a, copy);
        wrong += gpb::same_text(a, source.substr(0, n + 1));
        for (size_t at = 0; at < n; ++at) {
            std::string b = a;
            b[at] = static_cast<char>(b[at] ^ 0x20);
            if (gpb::same_text(a, b) != (a == b)) {
                FAIL_CHECK("length " << n << ", difference at " << at);
                ++wrong;
            }
        }
    }
    CHECK(wrong == 0);
}

TEST_CASE("json_quote escapes what JSON and a message need at every place of every block, within its room") {
    const std::vector<std::string> pieces = {
        "a",    "bcdefghijklmnop", "\"",           "\\",           "\n",       "\r",   "\t", "\b", "\f", std::string(1, '\x01'),
        "\x1f", "\xC3\xA9",        "\xE2\x80\xAE", "\xE2\x81\xA9", "\xD8\x9C", "\xFF", " "};
    std::mt19937 random(11);
    size_t wrong = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string value;
        const size_t length = random() % 90;
        while (value.size() < length) value += pieces[random() % pieces.size()];
        const std::string expected = reference_quote(value);
        if (gpb::json_quote(value) != expected) {
            FAIL_CHECK("value of " << value.size() << " bytes: " << gpb::json_quote(value) << " != " << expected);
            ++wrong;
        }
        // Written into exactly its room, with a guard after it that must stay untouched.
        std::string room(gpb::json_string_room(value) + 16, '#');
        char* end = gpb::write_json_string(room.data(), value);
        CHECK(static_cast<size_t>(end - room.data()) == expected.size());
        CHECK(room.compare(gpb::json_string_room(value), 16, std::string(16, '#')) == 0);
        std::string appended = "x";
        gpb::append_json_string(appended, value);
        CHECK(appended == "x" + expected);
    }
    CHECK(wrong == 0);
}
