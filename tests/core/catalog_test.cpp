// The catalog checks itself: references resolve, and each docs example gives what it is expected to.
#include <catch2/catch.hpp>

#include <cctype>
#include <set>
#include <tuple>

#include "support.hpp"
#include "text.hpp"

// Both Graph versions read with no problem at all (a type and a function of one name, as Graph has
// them, once hid types; see csdl_xml.cpp).
TEST_CASE("every reference in the models resolves") {
    const gpb::Catalog& catalog = gpb::Catalog::builtin();
    for (const auto& problem : catalog.problems()) FAIL_CHECK(problem);
    for (const auto& problem : test::graph("beta").problems()) FAIL_CHECK(problem);
    for (const auto& problem : test::graph("v1.0").problems()) FAIL_CHECK(problem);
    for (const auto& note : catalog.overlay_notes()) WARN(note);
    CHECK(catalog.operations().size() >= 4);
    for (const char* id :
         {"securityConfigurationTask.create", "securityConfigurationTask.update", "securityAction.update", "incidentTask.update"})
        CHECK(catalog.operation(id) != nullptr);
}

TEST_CASE("a broken catalog document is reported, not trusted") {
    gpb::Catalog catalog;
    catalog.load({R"({"types": {"a.b": {"kind": "entity", "base": "a.missing",
                   "properties": {"p": {"type": "a.nothing"}}}},
                   "operations": [{"id": "b.update", "method": "PATCH", "path": "/nowhere/{id}", "bodyType": "a.b",
                                   "required": ["q"]}]})",
                  "not json"});
    const auto& problems = catalog.problems();
    auto mentions = [&](const std::string& text) {
        return std::any_of(problems.begin(), problems.end(), [&](const std::string& p) { return p.find(text) != std::string::npos; });
    };
    CHECK(mentions("base type a.missing"));
    CHECK(mentions("unknown type a.nothing"));
    CHECK(mentions("does not resolve"));
    CHECK(mentions("required names q"));
    CHECK(mentions("catalog document 1 is not a JSON object"));
}

TEST_CASE("each operation's docs example validates to exactly its expected findings") {
    const gpb::Catalog& catalog = gpb::Catalog::builtin();
    for (const auto& op : catalog.operations()) {
        CAPTURE(op->id);
        REQUIRE(op->docsExample.is_object());
        auto result = gpb::validate_body(catalog, *op, op->docsExample.dump(2), gpb::Direction::Request);
        std::set<std::tuple<std::string, std::string, std::string>> got, expected;
        for (const auto& d : result.diagnostics) got.emplace(gpb::severity_name(d.severity), d.code, d.pointer);
        for (const auto& f : op->docsExampleFindings) expected.emplace(f.severity, f.code, f.pointer);
        CHECK(got == expected);
    }
}

TEST_CASE("paths resolve through the model, ignoring the case of segments") {
    const gpb::Catalog& catalog = gpb::Catalog::builtin();
    gpb::Resolution single = catalog.resolve("GET", "/Security/securityActions/abc");
    REQUIRE(single.operation);
    CHECK(single.operation->path == "/security/securityActions/{securityActionId}");
    REQUIRE(single.parameters.size() == 1);
    CHECK(single.parameters[0].second == "abc");
    CHECK(single.operation->responseType->name == "microsoft.graph.securityAction");
    gpb::Resolution collection = catalog.resolve("GET", "/deviceAppManagement/deviceAppManagementTasks");
    REQUIRE(collection.operation);
    CHECK(collection.operation->responseShape == "collection");
    gpb::Resolution none = catalog.resolve("GET", "/security/unknownThings/1");
    CHECK(none.operation == nullptr);
    CHECK(none.segment == "unknownThings");
}

TEST_CASE("the models carry what the docs do not say") {
    const gpb::Catalog& catalog = gpb::Catalog::builtin();
    const gpb::OperationDef* create = catalog.operation("securityConfigurationTask.create");
    REQUIRE(create);
    CHECK(create->addressType->name == "microsoft.graph.deviceAppManagementTask");
    CHECK(create->needs_odata_type());
    CHECK(create->responseStatus == 201);
    const gpb::OperationDef* incident = catalog.operation("incidentTask.update");
    REQUIRE(incident);
    CHECK(incident->updatable == std::vector<std::string>{"status"});
    const gpb::OperationDef* action = catalog.operation("securityAction.update");
    REQUIRE(action);
    CHECK(action->bodyType->open);
    REQUIRE_FALSE(action->caveats.empty());
    CHECK(action->caveats.front().find("Undocumented") == 0);
    CHECK(catalog.enumeration("microsoft.graph.operationStatus")->members ==
          std::vector<std::string>{"NotStarted", "Running", "Completed", "Failed"});
}

namespace {

// What a property lookup must answer: the first property added under the name, by a plain walk.
const gpb::PropertyDef* first_named(const std::vector<const gpb::PropertyDef*>& properties, std::string_view name) {
    for (const gpb::PropertyDef* p : properties)
        if (p->name == name || (!p->camelName.empty() && p->camelName == name)) return p;
    return nullptr;
}

// Each name a type answers to, and names next to them that it may not (a letter more or less, another case).
std::vector<std::string> names_to_look_up(const gpb::TypeDef& type) {
    std::vector<std::string> names = {"", "@odata.type", "a"};
    for (const gpb::PropertyDef* p : type.properties) {
        for (const std::string& name : {p->name, p->camelName}) {
            if (name.empty()) continue;
            names.push_back(name);
            names.push_back(name + "x");
            names.push_back(name.substr(0, name.size() - 1));
            names.push_back(gpb::to_upper(name));
            std::string otherCase = name;
            otherCase[0] =
                static_cast<char>(std::isupper(static_cast<unsigned char>(name[0])) ? std::tolower(name[0]) : std::toupper(name[0]));
            names.push_back(otherCase);
        }
    }
    return names;
}

size_t wrong_lookups(const gpb::TypeDef& type) {
    size_t wrong = 0;
    for (const std::string& name : names_to_look_up(type))
        if (type.property(name) != first_named(type.properties, name)) {
            FAIL_CHECK(type.name << ": property(\"" << name << "\")");
            ++wrong;
        }
    return wrong;
}

}  // namespace

TEST_CASE("a type's property lookup agrees with a walk of its properties, for its names and names near them") {
    for (const char* version : {"beta", "v1.0"}) {
        const gpb::Catalog& model = test::graph(version);
        size_t looked = 0, wrong = 0;
        for (const auto& [name, type] : model.types()) {
            wrong += wrong_lookups(type);
            looked += type.properties.size();
        }
        for (const auto& action : model.actions()) {
            wrong += wrong_lookups(action->parameters);
            looked += action->parameters.properties.size();
        }
        CAPTURE(version);
        CHECK(looked > 10000);
        CHECK(wrong == 0);
    }
}

TEST_CASE("a property declared again by a derived type is reported once a repeat, by name, and the inherited one is found") {
    gpb::Catalog catalog;
    catalog.load({R"({"types": {
        "a.base": {"kind": "complex", "properties": {"z": {"type": "Edm.String"}, "p": {"type": "Edm.String"}}},
        "a.derived": {"kind": "complex", "base": "a.base", "properties": {"z": {"type": "Edm.Int32"}, "p": {"type": "Edm.Int32"},
                                                                        "q": {"type": "Edm.String"}}}}})"});
    std::vector<std::string> repeats;
    for (const auto& problem : catalog.problems())
        if (problem.find("declared twice") != std::string::npos) repeats.push_back(problem);
    CHECK(repeats ==
          std::vector<std::string>{"type a.derived: property p is declared twice", "type a.derived: property z is declared twice"});
    const gpb::TypeDef* derived = catalog.type("a.derived");
    REQUIRE(derived);
    REQUIRE(derived->property("z"));
    CHECK(derived->property("z")->primitive == gpb::Primitive::String);
    CHECK(derived->property("q"));
    CHECK_FALSE(derived->property("Q"));
}

namespace {

// (code, pointer below prefix, message) of each finding whose pointer starts with prefix.
std::multiset<std::tuple<std::string, std::string, std::string>> findings_below(const gpb::ValidationResult& result,
                                                                                const std::string& prefix) {
    std::multiset<std::tuple<std::string, std::string, std::string>> out;
    for (const auto& d : result.diagnostics)
        if (d.pointer.compare(0, prefix.size(), prefix) == 0 && (d.pointer.size() == prefix.size() || d.pointer[prefix.size()] == '/'))
            out.emplace(std::string(d.code), d.pointer.substr(prefix.size()), d.message);
    return out;
}

}  // namespace

// The validator tries, for each member, the property the same place had in the last object of the
// type at that depth: items in another order, or with another name at that place, must be checked
// exactly as each is alone.
TEST_CASE("sibling objects get the findings each gets alone, whatever order their members come in") {
    const std::vector<std::string> items = {
        R"({"@odata.type": "#microsoft.graph.keyValuePair", "name": "a", "value": "b"})",
        R"({"value": "c", "name": "d"})",
        R"({"name": 1, "valeu": "x"})",
        R"({"valeu": "x", "name": 1, "value": null})",
        R"({"name": "a", "name": "b", "value": 2})",
        R"({"Name": "a", "value": "b", "@odata.type": "microsoft.graph.keyValuePair"})",
        R"({})",
        R"({"value": "c", "name": "d"})",
    };
    const std::string head = R"({"@odata.type": "#microsoft.graph.securityConfigurationTask", "displayName": "x", "intendedSettings": [)";
    std::string all;
    for (size_t k = 0; k < items.size(); ++k) all += (k ? ", " : "") + items[k];
    const gpb::ValidationResult together = test::check("securityConfigurationTask.create", head + all + "]}");
    size_t itemFindings = 0;
    for (size_t k = 0; k < items.size(); ++k) {
        INFO("item " << k << ": " << items[k]);
        const gpb::ValidationResult alone = test::check("securityConfigurationTask.create", head + items[k] + "]}");
        const auto expected = findings_below(alone, "/intendedSettings/0");
        CHECK(findings_below(together, "/intendedSettings/" + std::to_string(k)) == expected);
        itemFindings += expected.size();
    }
    CHECK(itemFindings >= 8);  // the items above are wrong in eight ways at least
}

// Objects of different types at one depth (two complex properties of the body) each keep their own
// properties.
TEST_CASE("objects of different types at one depth are each checked against their own type") {
    const std::string password = R"("passwordProfile": {"password": "x", "forceChangePasswordNextSignIn": "yes"})";
    const std::string employee = R"("employeeOrgData": {"password": "x", "division": 1, "costCenter": "c"})";
    const gpb::Catalog& v1 = test::graph("v1.0");
    const gpb::Resolution resolution = v1.resolve("PATCH", "/users/42");
    REQUIRE(resolution.operation != nullptr);
    auto check = [&](const std::string& body) { return gpb::validate_body(v1, *resolution.operation, body, gpb::Direction::Request); };
    for (const std::string& body : {"{" + password + ", " + employee + "}", "{" + employee + ", " + password + "}"}) {
        const auto both = check(body);
        for (const char* prefix : {"/passwordProfile", "/employeeOrgData"}) {
            INFO(body << " at " << prefix);
            const auto alone = check("{" + std::string(prefix == std::string("/passwordProfile") ? password : employee) + "}");
            CHECK(findings_below(both, prefix) == findings_below(alone, prefix));
            CHECK(!findings_below(alone, prefix).empty());
        }
    }
}

// A complex value's required members are counted as they are read; a repeated name must not make
// the count look complete (timeSlot requires "start" and "end").
TEST_CASE("a complex value that repeats one required member is still missing the other") {
    const gpb::Catalog& v1 = test::graph("v1.0");
    const gpb::Resolution resolution = v1.resolve("POST", "/me/findMeetingTimes");
    REQUIRE(resolution.operation != nullptr);
    auto slot = [&](const std::string& members) {
        const std::string body = R"({"timeConstraint": {"timeSlots": [{)" + members + "}]}}";
        return test::findings(gpb::validate_body(v1, *resolution.operation, body, gpb::Direction::Request));
    };
    const std::string start = R"("start": {"dateTime": "2026-01-01T10:00:00", "timeZone": "UTC"})";
    const std::string end = R"("end": {"dateTime": "2026-01-01T11:00:00", "timeZone": "UTC"})";
    const test::Finding missing{"missing-required", "/timeConstraint/timeSlots/0"};
    CHECK(slot(start + ", " + end).empty());
    CHECK(slot(end + ", " + start).empty());
    CHECK(slot(start) == std::set<test::Finding>{missing});
    CHECK(slot(start + ", " + start) == std::set<test::Finding>{missing, {"duplicate-key", "/timeConstraint/timeSlots/0/start"}});
    CHECK(slot(R"("Start": {"dateTime": "2026-01-01T10:00:00", "timeZone": "UTC"}, )" + end).count(missing) == 1);
}
