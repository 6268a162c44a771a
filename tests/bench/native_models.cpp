// Times the model packs in-process: native_models ROUNDS -> one JSON object of best times:
// {"model_load_ms": {"beta", "v1.0"}, "permissions_load_ms", "resolve_us"}.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

#include "catalog.hpp"

namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    const int rounds = std::max(1, argc > 1 ? std::atoi(argv[1]) : 3);
    double permissions = 1e300;
    for (int i = 0; i < rounds; ++i) {
        auto start = std::chrono::steady_clock::now();
        gpb::load_permissions(gpb::embedded_pack("permissions"));
        permissions = std::min(permissions, ms_since(start));
    }
    std::string out = "{\"model_load_ms\":{";
    for (const char* version : {"beta", "v1.0"}) {
        double best = 1e300;
        for (int i = 0; i < rounds; ++i) {
            auto start = std::chrono::steady_clock::now();
            if (!gpb::Catalog::load_pack(version, gpb::embedded_pack(version)).empty()) return 1;
            best = std::min(best, ms_since(start));
        }
        out += std::string(version[0] == 'b' ? "" : ",") + "\"" + version + "\":" + std::to_string(best);
    }
    // Resolution: URLs of every shape, each key value new (so each is a real walk, not a cache hit).
    const gpb::Catalog& v1 = *gpb::Catalog::named("v1.0");
    const char* shapes[] = {"/users/%d",
                            "/me/mailFolders/inbox/messages/%d",
                            "/groups/%d/members/microsoft.graph.user",
                            "/teams/%d/channels/2/messages/3/replies",
                            "/users/%d/getMemberGroups",
                            "/security/incidents/%d"};
    const char* methods[] = {"PATCH", "GET", "GET", "GET", "POST", "PATCH"};
    const int calls = 6000;
    auto start = std::chrono::steady_clock::now();
    size_t resolved = 0;
    for (int i = 0; i < calls; ++i) {
        char url[128];
        std::snprintf(url, sizeof url, shapes[i % 6], i);
        resolved += v1.resolve(methods[i % 6], url).operation != nullptr;
    }
    double resolveUs = ms_since(start) * 1000.0 / calls;
    out += "},\"permissions_load_ms\":" + std::to_string(permissions) + ",\"resolve_us\":" + std::to_string(resolveUs) + "}";
    std::cout << out << "\n";
    return resolved == static_cast<size_t>(calls) ? 0 : 1;
}
