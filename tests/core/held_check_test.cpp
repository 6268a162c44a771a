// A held body's check (validate_held) gives, after every edit, the answer a whole check of its text
// gives: the edits that stay inside one string or number value re-check that value alone, and the
// answers must not tell the difference (non-ASCII letters included).
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "api.hpp"
#include "held_body.hpp"
#include "support.hpp"
#include "text.hpp"
#include "validator.hpp"

namespace {

struct Span {
    size_t begin, end;  // a string token, quotes included
};

// The string tokens of a text that may not parse: quote to quote, a backslash taking the next byte.
std::vector<Span> string_tokens(const std::string& text) {
    std::vector<Span> spans;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '"') continue;
        size_t j = i + 1;
        while (j < text.size() && text[j] != '"' && text[j] != '\n') j += text[j] == '\\' ? 2 : 1;
        if (j >= text.size() || text[j] != '"') break;
        spans.push_back({i, j + 1});
        i = j;
    }
    return spans;
}

// The number tokens of a text that may not parse, outside its strings: a run of the characters a
// number is written with, starting with '-' or a digit after ':', ',' or '[' (and spaces).
std::vector<Span> number_tokens(const std::string& text, const std::vector<Span>& strings) {
    std::vector<Span> spans;
    auto inString = [&](size_t at) {
        return std::any_of(strings.begin(), strings.end(), [&](const Span& s) { return at >= s.begin && at < s.end; });
    };
    auto numeric = [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; };
    for (size_t i = 0; i < text.size(); ++i) {
        if (!(text[i] == '-' || (text[i] >= '0' && text[i] <= '9')) || inString(i)) continue;
        size_t before = i;
        while (before > 0 && text[before - 1] == ' ') --before;
        if (before == 0 || (text[before - 1] != ':' && text[before - 1] != ',' && text[before - 1] != '[')) continue;
        size_t j = i;
        while (j < text.size() && numeric(text[j])) ++j;
        spans.push_back({i, j});
        i = j;
    }
    return spans;
}

struct Body {
    const gpb::Catalog* model;
    const gpb::OperationDef* operation;
    std::string text;
    gpb::Direction direction;
};

std::vector<Body> bodies() {
    std::vector<Body> out;
    const gpb::Catalog& beta = gpb::Catalog::builtin();
    auto seed = [&](const char* file, const char* operation, size_t which, gpb::Direction direction) {
        std::vector<std::string> texts = test::page_bodies(test::read_file(test::seed_path(file)));
        REQUIRE(texts.size() > which);
        REQUIRE(beta.operation(operation));
        out.push_back({&beta, beta.operation(operation), texts[which], direction});
    };
    seed("001_ec43082713dfce17.txt", "securityConfigurationTask.create", 0, gpb::Direction::Request);
    seed("003_6135de15af08706f.txt", "securityAction.update", 0, gpb::Direction::Request);
    seed("003_6135de15af08706f.txt", "securityAction.update", 1, gpb::Direction::Response);
    seed("004_70f29e99f84360ef.txt", "incidentTask.update", 1, gpb::Direction::Response);
    const std::string name = "library-held-check";
    if (!gpb::Catalog::named(name))
        REQUIRE(gpb::Catalog::load_named(name, test::read_file(std::string(GPB_FIXTURES_DIR) + "/metadata/library.csdl.json")).empty());
    const gpb::Catalog& library = *gpb::Catalog::named(name);
    const gpb::OperationDef* create = library.resolve("POST", "/books").operation;
    REQUIRE(create);
    out.push_back(
        {&library, create,
         "{\n  \"@odata.type\": \"#lib.audiobook\",\n  \"title\": \"T\",\n  \"genres\": \"fiction, history\",\n"
         "  \"addedOn\": \"2026-02-28\",\n  \"loanPeriod\": \"P14DT12H\",\n  \"keywords\": [\"a\", \"b\"],\n"
         "  \"shelf\": {\"@odata.type\": \"#contoso.library.openShelf\", \"room\": \"A\", \"bay\": 12},\n  \"narrator\": \"N\"\n}",
         gpb::Direction::Request});
    // One line holding many findings, so that those after an edited value move along its line.
    out.push_back({&library, create,
                   "{\"title\": \"T\", \"genres\": \"fiction,poetry\", \"addedOn\": \"2026-02-30\", \"loanPeriod\": \"14 days\", "
                   "\"shelf\": {\"room\": \"A\u00e9\", \"bay\": 40000}, \"id\": \"x\", \"narrator\": \"N\xC5\x93\", \"pages\": 1.5}",
                   gpb::Direction::Request});
    return out;
}

std::string json_of(const gpb::ValidationResult& result) { return gpb::validation_json(result); }

}  // namespace

namespace {

// Types into a held body as a person does, checking after most edits that validate_held answers
// as validate_body does for the same text; counts the edits that stayed inside the watched value.
void type_and_compare(const Body& start, int steps, std::mt19937& random, size_t& insideWatched, size_t& onWatchedNumber) {
    CAPTURE(start.operation->id);
    const std::string letters = "abcdefhilmnoprstuvwxyADHMPTZ0123456789-:. ,", digits = "01234567890123456789-.eE+";
    gpb::HeldBody body;
    gpb::CheckMemo memo;
    body.assign(start.text);
    std::string mirror = start.text;
    size_t typingAt = std::string::npos;  // where the last edit left the cursor, to type on there
    for (int step = 0; step < steps; ++step) {
        // Where: mostly on from the last edit (typing a word), else in another string or on a number
        // (either end included), else anywhere.
        const std::vector<Span> tokens = string_tokens(mirror);
        const std::vector<Span> numbers = number_tokens(mirror, tokens);
        const unsigned where = random() % 10;
        size_t from;
        if (where < 6 && typingAt != std::string::npos && typingAt <= mirror.size()) {
            from = typingAt;
        } else if (where < 7 && !numbers.empty()) {
            const Span& t = numbers[random() % numbers.size()];
            from = t.begin + random() % (t.end - t.begin + 1);
        } else if (where < 9 && !tokens.empty()) {
            const Span& t = tokens[random() % tokens.size()];
            from = t.begin + 1 + random() % (t.end - t.begin - 1);
        } else {
            from = random() % (mirror.size() + 1);
        }
        // What: type one or two characters (now and then one that ends or breaks a string), or delete.
        std::string insert;
        size_t to = from;
        const unsigned what = random() % 10;
        const bool onNumber = std::any_of(numbers.begin(), numbers.end(), [&](const Span& t) { return from >= t.begin && from <= t.end; });
        if (what < 6) {
            // On a number, mostly what numbers are written with.
            const std::string& typed = onNumber && random() % 4 ? digits : letters;
            for (unsigned n = 1 + random() % 2; n > 0; --n) insert += typed[random() % typed.size()];
            // Now and then a letter of two bytes, or of four (a surrogate pair to the editor).
            if (random() % 8 == 0) insert = random() % 2 ? "\xC3\xA9" : "\xF0\x9F\x98\x80";
        } else if (what < 8) {
            const size_t back = 1 + random() % 2;
            from = from >= back ? from - back : 0;
            to = std::min(mirror.size(), from + back);
        } else {
            const char* odd[] = {"\"", "\\", "\n", "\xC3\xA9", "{", "}", ",", "\\n"};
            insert = odd[random() % std::size(odd)];
        }
        // Keep whole characters: never split a character of two or more bytes.
        auto continuation = [&](size_t at) { return at < mirror.size() && (static_cast<unsigned char>(mirror[at]) & 0xC0) == 0x80; };
        while (continuation(from)) --from;
        while (continuation(to)) ++to;
        const bool plain = std::all_of(insert.begin(), insert.end(), [](char c) { return c < 0 || (c >= 0x20 && c != '"' && c != '\\'); });
        if (memo.value.property && memo.value.kind == gpb::NodeKind::String && from > memo.value.begin && to < memo.value.end && plain)
            ++insideWatched;
        if (memo.value.property && memo.value.kind == gpb::NodeKind::Number && from >= memo.value.begin && to <= memo.value.end)
            ++onWatchedNumber;
        REQUIRE(body.replace(gpb::utf16_offset_of(mirror, from), gpb::utf16_offset_of(mirror, to), insert));
        mirror.replace(from, to - from, insert);
        typingAt = from + insert.size();
        REQUIRE(body.text() == mirror);
        // Most edits are checked at once; now and then two come before a check, as when typing fast.
        if (random() % 5 == 0) continue;
        CAPTURE(mirror);
        const gpb::ValidationResult whole = gpb::validate_body(*start.model, *start.operation, mirror, start.direction);
        REQUIRE(json_of(gpb::validate_held(*start.model, *start.operation, body, start.direction, memo)) == json_of(whole));
        // A body broken for good is pasted over now and then, as a person would.
        if (!whole.parsed && random() % 4 == 0) {
            body.assign(start.text);
            mirror = start.text;
            typingAt = std::string::npos;
        }
    }
    // Asked for the other direction, the same body gets that direction's whole answer.
    const gpb::Direction other = start.direction == gpb::Direction::Request ? gpb::Direction::Response : gpb::Direction::Request;
    REQUIRE(json_of(gpb::validate_held(*start.model, *start.operation, body, other, memo)) ==
            json_of(gpb::validate_body(*start.model, *start.operation, mirror, other)));
}

}  // namespace

TEST_CASE("a held body's check answers as a whole check of its text, edit after edit") {
    std::mt19937 random(20261201);
    size_t insideWatched = 0, onWatchedNumber = 0;
    for (const Body& start : bodies()) type_and_compare(start, 600, random, insideWatched, onWatchedNumber);
    // The edits above mostly stayed inside the value the check before watched, a number now and then.
    CHECK(insideWatched > 200);
    CHECK(onWatchedNumber > 50);
}

TEST_CASE("a held body's check answers as a whole check past the cap on findings") {
    // More findings than are listed (a type mismatch on each item of "keywords"), with string
    // values before them, whose findings are listed, and after them, whose findings are not.
    std::string keywords;
    for (size_t i = 0; i < gpb::kMaxDiagnostics + 100; ++i) keywords += (i ? ", " : "") + std::to_string(i);
    const Body capped = {bodies().back().model, bodies().back().operation,
                         "{\"genres\": \"fiction\", \"title\": \"T\", \"keywords\": [" + keywords +
                             "], \"loanPeriod\": \"P1D\", \"addedOn\": \"2026-01-01\"}",
                         gpb::Direction::Request};
    REQUIRE(gpb::validate_body(*capped.model, *capped.operation, capped.text, capped.direction).diagnostics.size() ==
            gpb::kMaxDiagnostics + 1);
    std::mt19937 random(7);
    size_t insideWatched = 0, onWatchedNumber = 0;
    type_and_compare(capped, 800, random, insideWatched, onWatchedNumber);
    CHECK(insideWatched > 40);
}

TEST_CASE("a held body's check follows a model loaded again under its name") {
    auto metadata = [](const std::string& codeType) {
        return R"({"$Version": "4.0", "$EntityContainer": "t.C", "t": {)"
               R"("level": {"$Kind": "EnumType", "low": 0, "high": 1},)"
               R"("thing": {"$Kind": "EntityType", "$Key": ["id"], "id": {"$Type": "Edm.String"}, "code": {"$Type": ")" +
               codeType +
               R"("}},)"
               R"("C": {"$Kind": "EntityContainer", "things": {"$Collection": true, "$Type": "t.thing"}}}})";
    };
    const std::string name = "held-check-reloaded";
    REQUIRE(gpb::Catalog::load_named(name, metadata("Edm.String")).empty());
    gpb::HeldBody body;
    gpb::CheckMemo memo;
    body.assign(R"({"code": "lo"})");
    auto check = [&] {
        const gpb::Catalog& model = *gpb::Catalog::named(name);
        const gpb::OperationDef* create = model.resolve("POST", "/things").operation;
        REQUIRE(create);
        return test::findings(gpb::validate_held(model, *create, body, gpb::Direction::Request, memo));
    };
    REQUIRE(body.replace(12, 12, "w"));  // "low": the check watches this value
    CHECK(check().empty());
    REQUIRE(gpb::Catalog::load_named(name, metadata("t.level")).empty());
    REQUIRE(body.replace(12, 13, "x"));  // "lox": inside the watched value, against the new model
    CHECK(check() == std::set<test::Finding>{{"enum-value", "/code"}});
    REQUIRE(body.replace(12, 13, "w"));
    CHECK(check().empty());
}

TEST_CASE("a record whose strings are those of the record before it is marked, and nothing else is") {
    const auto flags = [](const std::string& record) {
        uint32_t value = 0;
        std::memcpy(&value, record.data() + 4, 4);
        return value;
    };
    const auto record = [](const std::string& body) { return gpb::api::validate_record("incidentTask.update", body, false); };
    gpb::RecordText last;
    std::string first = record(R"({"status": "nope"})");
    gpb::mark_repeated_text(first, last);
    CHECK((flags(first) & gpb::kRecordSameText) == 0);
    // The same finding elsewhere in the text: other words (line, column), the same strings.
    std::string moved = record("{\n  \"status\": \"nope\"}");
    const std::string unmarked = moved;
    gpb::mark_repeated_text(moved, last);
    CHECK(flags(moved) == (flags(unmarked) | gpb::kRecordSameText));
    CHECK(moved.substr(8) == unmarked.substr(8));  // only the flags changed
    std::string valid = record(R"({"status": "open"})");
    gpb::mark_repeated_text(valid, last);
    CHECK(flags(valid) == 1);
    // Answers that are not records, or are cut short, are left as they are.
    std::string error = gpb::api::validate_record("no.such.operation", "{}", false);
    const std::string errorBefore = error;
    gpb::mark_repeated_text(error, last);
    CHECK(error == errorBefore);
    std::string cut = record(R"({"status": "nope"})").substr(0, 24);
    const std::string cutBefore = cut;
    gpb::mark_repeated_text(cut, last);
    CHECK(cut == cutBefore);
    std::string again = record(R"({"status": "open"})");
    gpb::mark_repeated_text(again, last);
    CHECK(flags(again) == (1 | gpb::kRecordSameText));
}
