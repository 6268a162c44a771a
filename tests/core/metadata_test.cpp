// Metadata is input too: a made-up service read from CSDL XML and CSDL JSON alike, and hostile
// metadata refused with a one-line reason, fast, with nothing else broken.
#include <catch2/catch.hpp>

#include <chrono>
#include <limits>

#include "builders.hpp"
#include "csdl_xml.hpp"
#include "model_pack.hpp"
#include "support.hpp"

namespace {

std::string metadata_fixture(const std::string& name) { return test::read_file(std::string(GPB_FIXTURES_DIR) + "/metadata/" + name); }

const gpb::Catalog& library(const std::string& file) {
    const std::string name = "library-" + file;
    if (const gpb::Catalog* loaded = gpb::Catalog::named(name)) return *loaded;
    std::string problem = gpb::Catalog::load_named(name, metadata_fixture(file));
    if (!problem.empty()) FAIL(problem);
    return *gpb::Catalog::named(name);
}

std::set<test::Finding> check_library(const std::string& method, const std::string& url, const std::string& body, bool response = false) {
    const gpb::Catalog& model = library("library.csdl.json");
    gpb::Resolution r = model.resolve(method, url);
    REQUIRE(r.operation);
    return test::findings(gpb::validate_body(model, *r.operation, body, response ? gpb::Direction::Response : gpb::Direction::Request));
}

}  // namespace

TEST_CASE("a service's CSDL XML and CSDL JSON give the same model") {
#ifdef GPB_HAVE_EXPAT
    const gpb::Catalog& fromXml = library("library.csdl.xml");
#endif
    const gpb::Catalog& fromJson = library("library.csdl.json");
    const gpb::TypeDef* book = fromJson.type("contoso.library.book");
    REQUIRE(book);
    CHECK(book->base->name == "contoso.library.item");
    CHECK(fromJson.type("lib.book") == book);  // alias-qualified
    CHECK(book->property("title")->maxLength == 200);
    CHECK(book->property("title")->description == "The title as printed on the title page.");
    CHECK(book->property("id")->computed);
    CHECK(book->property("id")->readOnly);
    CHECK(book->property("id")->key);
    CHECK(book->property("loans")->containsTarget);
    CHECK(book->property("pages")->nullable);
    CHECK_FALSE(book->property("genres")->nullable);
    CHECK(book->property("genres")->enumeration->flags);
    CHECK(fromJson.enumeration("contoso.library.loanState")->members == std::vector<std::string>{"open", "returned", "lost"});
    CHECK(fromJson.type("contoso.library.shelfMark")->abstract);
    CHECK(fromJson.type("contoso.library.loan")->property("due")->immutable);
    CHECK(fromJson.urlVersion().empty());
    CHECK(fromJson.defaultNamespace() == "contoso.library");
#ifdef GPB_HAVE_EXPAT
    for (const auto& [name, type] : fromJson.types()) {
        CAPTURE(name);
        const gpb::TypeDef* other = fromXml.type(name);
        REQUIRE(other);
        REQUIRE(other->properties.size() == type.properties.size());
        for (size_t i = 0; i < type.properties.size(); ++i) {
            CHECK(other->properties[i]->name == type.properties[i]->name);
            CHECK(other->properties[i]->typeName == type.properties[i]->typeName);
            CHECK(other->properties[i]->nullable == type.properties[i]->nullable);
        }
    }
#endif
}

TEST_CASE("a made-up service end to end: resolution, bodies, responses") {
    const gpb::Catalog& model = library("library.csdl.json");
    gpb::Resolution checkout = model.resolve("POST", "https://library.contoso.com/books/9/checkout");
    REQUIRE(checkout.operation);
    CHECK(checkout.operation->path == "/books/{bookId}/checkout");
    CHECK(checkout.operation->required == std::vector<std::string>{"borrower"});
    CHECK(checkout.operation->responseTypeName == "contoso.library.loan");
    CHECK(checkout.operation->baseUrl == "https://{host}");
    CHECK(model.resolve("POST", "/authors").problem ==
          "The metadata says authors does not accept inserts (Capabilities.InsertRestrictions).");
    CHECK(model.resolve("GET", "/books/1/loans/overdue()").operation->responseShape == "collection");
    CHECK(model.resolve("POST", "/books/1/loans/2/renew").operation->responseStatus == 204);
    CHECK(model.resolve("GET", "/me").operation->responseTypeName == "contoso.library.member");

    using F = std::set<test::Finding>;
    CHECK(check_library("POST", "/books",
                        R"({"@odata.type": "#lib.audiobook", "title": "T", "genres": "fiction, history", "addedOn": "2026-02-28",
                            "loanPeriod": "P14DT12H", "shelf": {"@odata.type": "#contoso.library.openShelf", "room": "A", "bay": 12},
                            "narrator": "N"})") == F{});
    CHECK(check_library("POST", "/books",
                        R"({"title": "T", "genres": "fiction,poetry", "addedOn": "2026-02-30", "loanPeriod": "14 days",
                            "shelf": {"room": "A"}, "id": "x", "narrator": "N"})") == F{{"enum-value", "/genres"},
                                                                                        {"value-format", "/addedOn"},
                                                                                        {"value-format", "/loanPeriod"},
                                                                                        {"odata-type-missing", "/shelf"},
                                                                                        {"read-only", "/id"},
                                                                                        {"unknown-property", "/narrator"}});
    CHECK(check_library("POST", "/books", R"({"shelf": {"@odata.type": "#contoso.library.openShelf", "room": "A", "bay": 40000}})") ==
          F{{"int-range", "/shelf/bay"}});
    CHECK(check_library("POST", "/books", R"({"shelf": {"@odata.type": "#contoso.library.openShelf", "room": "A"}})") ==
          F{{"missing-required", "/shelf"}});
    // Action parameters in the metadata's spelling or the docs' camel case; the required one missing.
    CHECK(check_library("POST", "/books/1/checkout", R"({"Borrower": "ann", "days": 7})") == F{});
    CHECK(check_library("POST", "/books/1/checkout", R"({"borrower": "ann"})") == F{});
    CHECK(check_library("POST", "/books/1/checkout", R"({"days": 7})") == F{{"missing-required", ""}});
    // Collections answer {"value": [...]} with @odata annotations beside it.
    CHECK(check_library("GET", "/books/1/loans", R"({"@odata.context": "x", "@odata.nextLink": "y", "value": [
                            {"id": "7a0e0d4c-5b5b-4c1e-9a5e-3c2f5f1d9e01", "addedOn": "2026-01-01", "borrower": "ann",
                             "due": "2026-02-01T00:00:00Z", "state": "open"}]})",
                        true) == F{});
    CHECK(check_library("GET", "/books/1/loans", R"({"borrower": "ann"})", true) ==
          F{{"value-envelope", ""}, {"unknown-property", "/borrower"}});
    CHECK(check_library("GET", "/books/1/loans", R"({"value": {"borrower": "ann"}, "extra": 1})", true) ==
          F{{"unknown-property", "/extra"}});
    CHECK(check_library("GET", "/books/1/loans", R"({"value": [{"state": "closed"}]})", true) == F{{"enum-value", "/value/0/state"}});
    CHECK(check_library("GET", "/books/1", R"({"value": [{"title": 1}]})", true) ==
          F{{"value-envelope", "/value"}, {"type-mismatch", "/value/0/title"}});
}

TEST_CASE("hostile metadata is refused with a one-line reason") {
    const std::pair<const char*, const char*> rows[] = {
#ifdef GPB_HAVE_EXPAT
        {"billion-laughs.xml", "a DOCTYPE is not allowed in CSDL (entities are never expanded) (line 2)"},
        {"external-entity.xml", "a DOCTYPE is not allowed in CSDL (entities are never expanded) (line 2)"},
        {"cyclic-base.xml", "type x.a: its base types form a cycle"},
        {"unknown-edm-type.xml", "x.t/id has the unknown primitive type \"Edm.Strin\" (and 1 more problems)"},
        {"markup-name.xml", "the property \"<img src=x onerror=alert(1)>\" of x.t is not an OData identifier"},
        {"not-csdl.xml", "not a CSDL document: the root element is <html> (line 1)"},
        {"truncated.xml", "not well-formed XML: unclosed token (line 1)"},
#else
        {"billion-laughs.xml",
         "this build reads CSDL JSON only: turn CSDL XML into CSDL JSON first (the page does, with its XML reader; the gpb command reads "
         "XML itself)"},
#endif
    };
    for (const auto& [file, expected] : rows) {
        CAPTURE(file);
        auto start = std::chrono::steady_clock::now();
        std::string problem = gpb::Catalog::load_named(std::string("hostile-") + file, metadata_fixture(std::string("hostile/") + file));
        CHECK(problem == expected);
        CHECK(problem.find('\n') == std::string::npos);
        CHECK(gpb::Catalog::named(std::string("hostile-") + file) == nullptr);
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    }
}

TEST_CASE("hostile metadata made at run time: size, nesting, names") {
    std::string deepXml = R"(<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">)";
    for (int i = 0; i < 10000; ++i) deepXml += "<a>";
    std::string deepJson = R"({"$Version": "4.0", "x": )" + std::string(10000, '[') + std::string(10000, ']') + "}";
#ifdef GPB_HAVE_EXPAT
    CHECK(gpb::Catalog::load_named("deep-xml", deepXml) == "elements nest deeper than 32 levels (line 1)");
#endif
    CHECK(gpb::Catalog::load_named("deep-json", deepJson) == "the metadata nests deeper than 32 levels");
    std::string huge(100u << 20, ' ');
    huge[0] = '{';
    CHECK(gpb::Catalog::load_named("huge", huge) == "the metadata is 104857600 bytes; at most 67108864 are read");
    CHECK(gpb::Catalog::load_named("beta", "{}") == "\"beta\" is the name of a Graph version; choose another");
    CHECK(gpb::Catalog::load_named("empty", R"({"$Version": "4.0"})") ==
          "the metadata has no entity container and no actions: nothing to address");
    CHECK(gpb::Catalog::load_named("not-json", "{") == "not well-formed JSON");
    CHECK(gpb::Catalog::load_named("names", R"({"$Version": "4.0", "x": {"t\"><b>": {"$Kind": "EntityType"}}})") ==
          "the name \"t?><b>\" in x is not an OData identifier");
    CHECK(gpb::Catalog::load_named("cycle-json", R"({"$Version": "4.0", "x": {
        "a": {"$Kind": "ComplexType", "$BaseType": "x.a"},
        "f": [{"$Kind": "Action"}]}})") == "type x.a: its base types form a cycle");
    // Nothing else is broken: the Graph model still answers.
    CHECK(gpb::Catalog::builtin().operation("incidentTask.update") != nullptr);
}

#ifdef GPB_HAVE_EXPAT
TEST_CASE("content of the wrong kind is refused, not thrown") {
    auto schema = [](const std::string& inside) {
        return R"(<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>)"
               R"(<Schema Namespace="x" xmlns="http://docs.oasis-open.org/odata/ns/edm">)" +
               inside + "</Schema></edmx:DataServices></edmx:Edmx>";
    };
    CHECK(gpb::read_csdl_xml(schema(R"(<EnumType Name="e"><Member Name="m"><String>s</String></Member></EnumType>)")).problem ==
          "\"m\" holds a different kind of content than CSDL allows there (line 1)");
    CHECK(gpb::read_csdl_xml(schema(R"(<Function Name="f"/><Property Name="f"/><Function Name="f"/>)")).problem ==
          "\"f\" holds a different kind of content than CSDL allows there (line 1)");
    CHECK(gpb::read_csdl_xml(schema(R"(<Action Name="a"><Property Name="$Parameter"/><Parameter Name="p"/></Action>)")).problem ==
          "\"p\" holds a different kind of content than CSDL allows there (line 1)");
}

// Found by fuzz_metadata: the member after one valued at the largest Int64 overflowed the next value.
TEST_CASE("an enum member after the largest Int64 value keeps that value, without overflow") {
    const std::string text = R"(<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>)"
                             R"(<Schema Namespace="x" xmlns="http://docs.oasis-open.org/odata/ns/edm"><EnumType Name="e">)"
                             R"(<Member Name="a" Value="9223372036854775807"/><Member Name="b"/><Member Name="c"/></EnumType>)"
                             "</Schema></edmx:DataServices></edmx:Edmx>";
    const gpb::CsdlText read = gpb::read_csdl_xml(text);
    REQUIRE(read.ok);
    CHECK(read.csdl["x"]["e"]["b"].get<long long>() == std::numeric_limits<long long>::max());
    CHECK(read.csdl["x"]["e"]["c"].get<long long>() == std::numeric_limits<long long>::max());
}
#endif

TEST_CASE("containment that cycles is walked with a bound") {
#ifdef GPB_HAVE_EXPAT
    REQUIRE(gpb::Catalog::load_named("cycles", metadata_fixture("hostile/cyclic-containment.xml")).empty());
    const gpb::Catalog& model = *gpb::Catalog::named("cycles");
    gpb::Resolution deep = model.resolve("GET", "/folders/1/children/2/children/3/notes/4/attic/notes/5");
    REQUIRE(deep.operation);
    CHECK(deep.operation->path == "/folders/{folderId}/children/{folderId2}/children/{folderId3}/notes/{noteId}/attic/notes/{noteId2}");
    CHECK(deep.parameters.size() == 5);
    auto found = model.search("note", 1000);
    CHECK_FALSE(found.empty());
    CHECK(found.size() < 1000);
#endif
}

TEST_CASE("a type and a function of one name both stay (Graph's v1.0 has image, beta post and code)") {
#ifdef GPB_HAVE_EXPAT
    const char* xml = R"xml(<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
      <Schema Namespace="x" xmlns="http://docs.oasis-open.org/odata/ns/edm">
        <Function Name="image" IsBound="true"><Parameter Name="b" Type="x.t" /><ReturnType Type="Edm.String" /></Function>
        <ComplexType Name="image"><Property Name="height" Type="Edm.Int32" /></ComplexType>
        <EntityType Name="t"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" />
          <Property Name="picture" Type="x.image" /></EntityType>
        <Function Name="image" IsBound="true"><Parameter Name="b" Type="Collection(x.t)" /><ReturnType Type="Edm.String" /></Function>
        <EntityContainer Name="c"><EntitySet Name="ts" EntityType="x.t" /></EntityContainer>
      </Schema></edmx:DataServices></edmx:Edmx>)xml";
    REQUIRE(gpb::Catalog::load_named("same-names", xml).empty());
    const gpb::Catalog& model = *gpb::Catalog::named("same-names");
    CHECK(model.type("x.image"));
    CHECK(model.resolve("GET", "/ts/1/image()").operation);
    CHECK(model.resolve("GET", "/ts/image()").operation);
#endif
}

TEST_CASE("a model pack reads back as the model it was written from") {
    const gpb::Catalog& original = library("library.csdl.json");
    gpb::Catalog copy;
    REQUIRE(gpb::ModelPackReader::read(copy, gpb::write_model_pack(original, "library")).empty());
    CHECK(gpb::write_model_pack(copy, "library") == gpb::write_model_pack(original, "library"));
    CHECK(copy.types().size() == original.types().size());
    CHECK(copy.actions().size() == original.actions().size());
    CHECK(gpb::ModelPackReader::read(copy, "gpb-model\t1\tx\nT\tonly-two-fields\n") == "model pack line 2 is malformed");
    CHECK(gpb::ModelPackReader::read(copy, "{}").find("not a model pack") == 0);
}

TEST_CASE("a service root heads the service's URLs, and pasted URLs below it resolve") {
    const std::string csdl = metadata_fixture("library.csdl.json");
    REQUIRE(gpb::Catalog::load_named("library-rooted", csdl, "https://library.example/odata/v4/") == "");
    const gpb::Catalog& model = *gpb::Catalog::named("library-rooted");
    CHECK(model.host() == "https://library.example/odata/v4");
    CHECK(model.rootPath() == "odata/v4");
    gpb::Resolution r = model.resolve("POST", "https://library.example/odata/v4/books/9/checkout");
    REQUIRE(r.operation);
    CHECK(r.operation->path == "/books/{bookId}/checkout");
    CHECK(r.parameters == std::vector<std::pair<std::string, std::string>>{{"bookId", "9"}});
    CHECK(model.resolve("GET", "/odata/v4/books/9").operation->path == "/books/{bookId}");
    CHECK(model.resolve("GET", "/books/9").operation->path == "/books/{bookId}");
    CHECK(gpb::build_request(*r.operation, "{}", {{"bookId", "9"}}).url == "https://library.example/odata/v4/books/9/checkout");

    CHECK(gpb::Catalog::load_named("bad-root", csdl, "ftp://library.example") == "the service root must start with https:// or http://");
    CHECK(gpb::Catalog::load_named("bad-root", csdl, "https://") == "the service root has no host name");
    CHECK(gpb::Catalog::load_named("bad-root", csdl, "https://x.example/a?b=c") ==
          "the service root must not have a query, a fragment or spaces");
    CHECK(gpb::Catalog::named("bad-root") == nullptr);
}
