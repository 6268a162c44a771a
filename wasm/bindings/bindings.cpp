// The Embind layer: each function hands a string to the core and returns the core's JSON text.
#include <emscripten/bind.h>

#include "api.hpp"

EMSCRIPTEN_BINDINGS(gpb) {
    emscripten::function("operations", &gpb::api::operations);
    emscripten::function("describe", &gpb::api::describe);
    emscripten::function("validate", &gpb::api::validate);
    emscripten::function("example", &gpb::api::example);
    emscripten::function("request", &gpb::api::request);
    emscripten::function("response", &gpb::api::response);
    emscripten::function("parseRequest", &gpb::api::parse_request);
    emscripten::function("lintPage", &gpb::api::lint_page);
}
