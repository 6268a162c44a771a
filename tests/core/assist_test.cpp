// Completion and hover where the user types: a table of texts with a cursor mark "|", on JSON that
// does not parse yet, and what the editor is offered there.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "api.hpp"
#include "catalog.hpp"
#include "support.hpp"

namespace {

using nlohmann::json;

// The library service of tests/fixtures/metadata, loaded once under this name.
const std::string& library() {
    static const std::string name = [] {
        std::string loaded = "library-assist";
        if (!gpb::Catalog::named(loaded)) {
            std::string problem =
                gpb::Catalog::load_named(loaded, test::read_file(std::string(GPB_FIXTURES_DIR) + "/metadata/library.csdl.json"));
            if (!problem.empty()) FAIL(problem);
        }
        return loaded;
    }();
    return name;
}

struct Cursor {
    std::string text;
    size_t offset;
};

// "{\"st|" -> the text without the mark, and the mark's offset (the texts here are ASCII).
Cursor marked(const std::string& withMark) {
    size_t at = withMark.find('|');
    REQUIRE(at != std::string::npos);
    return {withMark.substr(0, at) + withMark.substr(at + 1), at};
}

json complete(const std::string& target, const std::string& withMark) {
    Cursor c = marked(withMark);
    return json::parse(gpb::api::complete(target, c.text, c.offset, false));
}

std::vector<std::string> labels(const json& answer, size_t most = 100) {
    std::vector<std::string> out;
    for (const auto& item : answer["items"]) {
        if (out.size() == most) break;
        out.push_back(item["label"].get<std::string>());
    }
    return out;
}

// The text after accepting the item called `label`, with "|" where the cursor lands.
std::string accepted(const std::string& target, const std::string& withMark, const std::string& label) {
    Cursor c = marked(withMark);
    json answer = json::parse(gpb::api::complete(target, c.text, c.offset, false));
    for (const auto& item : answer["items"]) {
        if (item["label"] != label) continue;
        const size_t from = answer["from"], to = answer["to"];
        const std::string insert = item["insert"];
        std::string text = c.text.substr(0, from) + insert + c.text.substr(to);
        return text.insert(from + item["cursor"].get<size_t>(), "|");
    }
    FAIL("no item " << label << " at " << withMark);
    return "";
}

}  // namespace

TEST_CASE("completion at a key offers the members not yet there, in the order a body needs them") {
    const std::string lib = library() + " POST /books";
    struct Row {
        std::string target, text;
        std::vector<std::string> first;
    };
    const std::vector<Row> rows = {
        // A PATCH offers only what the operation may change.
        {"incidentTask.update", "{|", {"status"}},
        {"incidentTask.update", "{\"st|", {"status"}},
        {"incidentTask.update", "{\"status\": \"open\", |}", {}},
        // An abstract entity created: its kind first; a key already there is not offered again.
        {lib, "{|}", {"@odata.type", "addedOn", "title", "genres", "pages", "loanPeriod", "shelf", "keywords"}},
        {lib, "{\"title\": \"x\", \"p|\"}", {"pages", "@odata.type", "loanPeriod"}},
        // A name typed above other members (no colon yet): the names below it are not offered.
        {lib, "{\n  \"p|\"\n  \"pages\": 3,\n  \"title\": \"x\"\n}", {"@odata.type", "loanPeriod"}},
        // Inside a derived type, its own members too.
        {lib, "{\"@odata.type\": \"#contoso.library.audiobook\", \"n|", {"narrator"}},
        // Nested: the complex value's type, after its kind.
        {lib, "{\"shelf\": {\"@odata.type\": \"#contoso.library.openShelf\", |}}", {"room", "bay"}},
        // An action's parameters in the docs' spelling.
        {library() + " POST /books/1/checkout", "{\"d|", {"days"}},
        {library() + " POST /books/1/checkout", "{|", {"borrower", "days"}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.target, row.text);
        CHECK(labels(complete(row.target, row.text), row.first.size()) == row.first);
    }
    // After a key and its colon nothing is offered at the key place.
    CHECK(complete("incidentTask.update", "{\"status\"|")["items"].empty());
}

TEST_CASE("completion at a value: enum members, flags, literals, kinds, skeletons") {
    const std::string lib = library() + " POST /books";
    CHECK(labels(complete("incidentTask.update", "{\"status\": |}")) ==
          std::vector<std::string>{"open", "inProgress", "completed", "failed", "notRelevant"});
    CHECK(labels(complete("incidentTask.update", "{\"status\": \"in|")) == std::vector<std::string>{"inProgress"});
    CHECK(labels(complete(lib, "{\"genres\": \"fiction,h|\"}")) == std::vector<std::string>{"history"});
    CHECK(labels(complete(lib, "{\"shelf\": {\"@odata.type\": \"|\"}}")) ==
          std::vector<std::string>{"#contoso.library.closedStack", "#contoso.library.openShelf"});
    CHECK(labels(complete(lib, "{\"@odata.type\": |}")) == std::vector<std::string>{"#contoso.library.book", "#contoso.library.audiobook"});
    CHECK(labels(complete(lib, "{\"keywords\": |}")) == std::vector<std::string>{"[]"});
    CHECK(labels(complete(lib, "{\"shelf\": |}")) == std::vector<std::string>{"{}", "{\"@odata.type\": \"#contoso.library.closedStack\"}",
                                                                              "{\"@odata.type\": \"#contoso.library.openShelf\"}", "null"});
    CHECK(labels(complete(library() + " PATCH /me", "{\"fines\": |}")) == std::vector<std::string>{"null"});
    CHECK(labels(complete(lib, "|")) == std::vector<std::string>{"{}"});
    CHECK(labels(complete(lib, "  |  ")) == std::vector<std::string>{"{}"});
}

TEST_CASE("accepting an item writes valid JSON and puts the cursor where the next keystroke belongs") {
    const std::string lib = library() + " POST /books";
    CHECK(accepted("incidentTask.update", "{\"st|", "status") == "{\"status\": \"|\"");
    CHECK(accepted("incidentTask.update", "{|}", "status") == "{\"status\": \"|\"}");
    CHECK(accepted("incidentTask.update", "{\"status\": \"in|", "inProgress") == "{\"status\": \"inProgress\"|");
    CHECK(accepted("incidentTask.update", "{\"status\": \"in|\"}", "inProgress") == "{\"status\": \"inProgress\"|}");
    // A comma where a member follows, and where one came before without it.
    CHECK(accepted(lib, "{| \"title\": \"x\"}", "pages") == "{\"pages\": 0|, \"title\": \"x\"}");
    CHECK(accepted(lib, "{\"title\": \"x\" |}", "pages") == "{\"title\": \"x\" , \"pages\": 0|}");
    CHECK(accepted(lib, "{\"title\": \"x\", \"sh|\": {}}", "shelf") == "{\"title\": \"x\", \"shelf\"|: {}}");
    CHECK(accepted(lib, "{\"keywords\": |}", "[]") == "{\"keywords\": [|]}");
    CHECK(accepted(lib, "{\"genres\": \"fiction,h|\"}", "history") == "{\"genres\": \"fiction,history\"|}");
    CHECK(accepted(lib, "{\"shelf\": {|}}", "@odata.type") == "{\"shelf\": {\"@odata.type\": \"|\"}}");
}

TEST_CASE("the range replaced is the token at the cursor, in UTF-16 units") {
    json answer = complete("incidentTask.update", "{\"st|");
    CHECK(answer["from"] == 1);
    CHECK(answer["to"] == 4);
    // "é" is two bytes and one UTF-16 unit; "😀" four bytes and two units.
    std::string text = "{\"description\": \"é😀\", \"st";
    json wide = json::parse(gpb::api::complete("incidentTask.update", text, 26, false));
    CHECK(wide["from"] == 23);
    CHECK(wide["to"] == 26);
    CHECK(labels(wide) == std::vector<std::string>{"status"});
}

TEST_CASE("hover: the member's type, facts, description, and the finding at that place") {
    Cursor c = marked("{\"sta|tus\": \"Done\"}");
    json key = json::parse(gpb::api::hover("incidentTask.update", c.text, c.offset, false));
    CHECK(key["from"] == 1);
    CHECK(key["to"] == 9);
    CHECK(key["title"] == "status: incidentTaskStatus");
    CHECK(key["members"] == json::array({"open", "inProgress", "completed", "failed", "notRelevant"}));
    CHECK(key["nullable"] == false);
    Cursor v = marked("{\"status\": \"Do|ne\"}");
    json value = json::parse(gpb::api::hover("incidentTask.update", v.text, v.offset, false));
    CHECK(value["from"] == 11);
    CHECK(value["to"] == 17);
    REQUIRE(value["diagnostics"].size() == 1);
    CHECK(value["diagnostics"][0]["code"] == "enum-value");
    Cursor nothing = marked("{\"status\": \"open\" | }");
    CHECK(json::parse(gpb::api::hover("incidentTask.update", nothing.text, nothing.offset, false))["from"].is_null());
    Cursor kind = marked("{\"shelf\": {\"@odata.type\": \"#contoso.library.open|Shelf\"}}");
    json named = json::parse(gpb::api::hover(library() + " POST /books", kind.text, kind.offset, false));
    CHECK(named["title"] == "@odata.type: openShelf");
    CHECK(named["description"] == "The declared type is shelfMark.");
    Cursor read = marked("{\"i|d\": \"x\"}");
    json id = json::parse(gpb::api::hover(library() + " POST /books", read.text, read.offset, false));
    CHECK(id["title"] == "id: Guid");
    CHECK(id["computed"] == true);
    CHECK(id["diagnostics"][0]["code"] == "read-only");
}
