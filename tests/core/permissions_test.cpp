// The permissions reference's reader: what an operation is said to need, in which order, and what
// a reference of another shape (or none at all) gives.
#include <catch2/catch.hpp>

#include "support.hpp"

namespace {

// Loads reference as the permissions in use for the test's length, then puts Graph's back.
class WithReference {
public:
    explicit WithReference(const std::string& reference) { problem = gpb::load_permissions(reference); }
    ~WithReference() { gpb::load_permissions(test::read_file(std::string(GPB_PACK_DIR) + "/permissions.json")); }
    std::string problem;
};

gpb::PermissionSet asked(const std::string& method, const std::string& path) { return test::graph("v1.0").permissions_for(method, path); }

// A reference of one path set per permission: {name: [methods, paths {path: markers}, schemes, privileges]}.
const char* kOrdering = R"({"permissions": {
  "Zeta.All": {"pathSets": [{"methods": ["GET"], "paths": {"/things/{thing-id}": "least=DelegatedWork"},
               "schemeKeys": ["DelegatedWork", "Application"]}], "schemes": {"DelegatedWork": {"privilegeLevel": 3}}},
  "Alpha.All": {"schemes": {"DelegatedWork": {"privilegeLevel": 2}, "Application": {"privilegeLevel": 1}},
                "pathSets": [{"methods": ["GET", "PATCH"], "paths": {"/Things/{id}/": ""},
                              "schemeKeys": ["DelegatedWork", "Application"]}]},
  "Beta.All": {"pathSets": [{"methods": ["GET"], "paths": {"/things/{x}": ""}, "schemeKeys": ["DelegatedWork", "DelegatedPersonal"]}],
               "schemes": {"DelegatedWork": {"privilegeLevel": 2}}},
  "Alpha.All": {"pathSets": [{"methods": ["GET"], "paths": {"/things/{id}": ""}, "schemeKeys": ["Application"]}]},
  "Empty.Schemes": {"pathSets": [{"methods": ["DELETE"], "paths": {"/things/{id}": ""}, "schemeKeys": []}]}
}})";

}  // namespace

TEST_CASE("permissions: least privileged first, then by privilege level and name, in the reference's order otherwise") {
    WithReference reference(kOrdering);
    REQUIRE(reference.problem.empty());
    gpb::PermissionSet get = asked("GET", "/things/{thingId}");
    CHECK(get.found);
    // Zeta is marked least for DelegatedWork; Alpha and Beta share level 2 and go by name.
    CHECK(get.delegatedWork == std::vector<std::string>{"Zeta.All", "Alpha.All", "Beta.All"});
    CHECK(get.delegatedPersonal == std::vector<std::string>{"Beta.All"});
    // A name given twice is read each time: Alpha's second path set has no Application level (0),
    // so it comes with Zeta (0, by name) before Alpha's first (1).
    CHECK(get.application == std::vector<std::string>{"Alpha.All", "Zeta.All", "Alpha.All"});
    CHECK(asked("PATCH", "/THINGS/{id}").application == std::vector<std::string>{"Alpha.All"});
    // A method listed with no scheme is found, with no permission named.
    gpb::PermissionSet remove = asked("DELETE", "/things/{id}");
    CHECK(remove.found);
    CHECK(remove.delegatedWork.empty());
    CHECK(remove.application.empty());
    CHECK_FALSE(asked("POST", "/things/{id}").found);
    CHECK_FALSE(asked("get", "/things/{id}").found);
    CHECK_FALSE(asked("GET", "/other").found);
}

TEST_CASE("permissions: names, paths, methods and schemes written with escapes read as their text") {
    WithReference reference(R"({"perm\u0069ssions": {"Mail.R\u0065ad": {"pathSets": [{"m\u0065thods": ["G\u0045T"],
        "paths": {"/me/m\u0065ssages": "l\u0065ast=Delegated\u0057ork", "/me/\"quoted\"": ""},
        "schemeKeys": ["Delegated\u0057ork", "Applic\u0061tion"]}], "schemes": {"Applic\u0061tion": {"privilegeLevel": 4}}},
        "Mail.Send": {"pathSets": [{"methods": ["GET"], "paths": {"/me/messages": ""}, "schemeKeys": ["Application"]}],
        "schemes": {"Application": {"privilegeLevel": 5}}}}})");
    REQUIRE(reference.problem.empty());
    gpb::PermissionSet messages = asked("GET", "/me/messages");
    CHECK(messages.delegatedWork == std::vector<std::string>{"Mail.Read"});
    CHECK(messages.application == std::vector<std::string>{"Mail.Read", "Mail.Send"});
    CHECK(asked("GET", "/me/\"quoted\"").application == std::vector<std::string>{"Mail.Read"});
}

TEST_CASE("permissions: a reference of another shape is passed over where it differs, and one that is not JSON is refused") {
    SECTION("values of the wrong kind") {
        WithReference reference(R"({"permissions": {
          "Odd.Levels": {"pathSets": [{"methods": ["GET", 7, null], "paths": {"/a": {"least": 1}, "/b": 3, "/c": null},
                         "schemeKeys": ["Application", false]}],
                         "schemes": {"Application": {"privilegeLevel": "high"}, "DelegatedWork": {"privilegeLevel": 1e300}}},
          "Not.An.Object": "x",
          "Sets.Not.An.Array": {"pathSets": {"methods": ["GET"], "paths": {"/a": ""}, "schemeKeys": ["Application"]}},
          "Paths.Not.An.Object": {"pathSets": [{"methods": ["GET"], "paths": ["/a"], "schemeKeys": ["Application"]}, "x", [1]]}
        }})");
        REQUIRE(reference.problem.empty());
        for (const char* path : {"/a", "/b", "/c"}) {
            INFO(path);
            CHECK(asked("GET", path).application == std::vector<std::string>{"Odd.Levels"});
        }
    }
    SECTION("no permissions object") {
        for (const char* text : {"{}", "[]", R"({"permissions": []})", R"({"permissions": "x"})", "null"}) {
            INFO(text);
            WithReference reference(text);
            CHECK(reference.problem == "not a permissions reference: no \"permissions\" object");
        }
    }
    SECTION("a few kilobytes whose lists multiply past a million grants") {
        auto list = [](const char* prefix, int count, const char* value) {
            std::string out;
            for (int i = 0; i < count; ++i) out += (i ? ", \"" : "\"") + std::string(prefix) + std::to_string(i) + "\"" + value;
            return out;
        };
        const std::string set = R"({"methods": [)" + list("M", 100, "") + R"(], "paths": {)" + list("/p", 200, R"(: "")") +
                                R"(}, "schemeKeys": [)" + list("S", 60, "") + "]}";
        WithReference huge(R"({"permissions": {"Many": {"pathSets": [)" + set + "]}}}");
        CHECK(huge.problem ==
              "not a permissions reference: it grants more than 1000000 permissions to paths and methods (Graph's grants "
              "about 43 000)");
        WithReference under(R"({"permissions": {"Many": {"pathSets": [)" + set.substr(0, set.find("\"S50\"") - 2) + "]}]}}}");
        CHECK(under.problem.empty());
        CHECK(asked("M7", "/p199").application.empty());
        CHECK(asked("M7", "/p199").found);
    }
    SECTION("text that is not JSON, or nests past the reader's depth") {
        WithReference broken(R"({"permissions": {"A": )");
        CHECK(broken.problem ==
              "not a permissions reference (at byte 22: This is not valid JSON: the text ends where a value is expected.)");
        WithReference deep("{\"permissions\": " + std::string(100, '[') + std::string(100, ']') + "}");
        CHECK(deep.problem.find("not a permissions reference (at byte ") == 0);
        CHECK(deep.problem.find("64 levels") != std::string::npos);
        // What was in use stays in use.
        CHECK(asked("GET", "/me/messages").found);
    }
}
