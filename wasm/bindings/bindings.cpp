// The Embind layer: each function hands a string to the core and returns the core's JSON text.
// Validation, the call made on every keystroke, also has a plain C entry point: the JS side writes
// the operation id and the body as UTF-8 straight into this module's input buffer
// (TextEncoder.encodeInto) and reads the answer from memory, which skips Embind's per-character
// string conversion and its generic invoker (no code generation under the page's CSP).
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <cstddef>
#include <string>

#include "api.hpp"

namespace {

std::string inputBuffer;
std::string lastResult;

std::string validate(const std::string& operationId, const std::string& body, bool response) {
    return gpb::api::validate(operationId, body, response);
}

}  // namespace

extern "C" {

// Room for `bytes` of input; the address stays valid until the next call.
EMSCRIPTEN_KEEPALIVE char* gpb_input(size_t bytes) {
    if (inputBuffer.size() < bytes) inputBuffer.resize(bytes);
    return inputBuffer.data();
}

// Validates input[idLength, idLength + bodyLength) for the operation named by input[0, idLength);
// returns the JSON answer, whose length gpb_result_length() gives.
EMSCRIPTEN_KEEPALIVE const char* gpb_validate_input(size_t idLength, size_t bodyLength, int response) {
    std::string_view input(inputBuffer);
    idLength = std::min(idLength, input.size());
    bodyLength = std::min(bodyLength, input.size() - idLength);
    lastResult = gpb::api::validate(input.substr(0, idLength), input.substr(idLength, bodyLength), response != 0);
    return lastResult.data();
}

EMSCRIPTEN_KEEPALIVE size_t gpb_result_length() { return lastResult.size(); }

}  // extern "C"

EMSCRIPTEN_BINDINGS(gpb) {
    emscripten::function("operations", &gpb::api::operations);
    emscripten::function("describe", &gpb::api::describe);
    emscripten::function("validate", &validate);
    emscripten::function("example", &gpb::api::example);
    emscripten::function("request", &gpb::api::request);
    emscripten::function("response", &gpb::api::response);
    emscripten::function("parseRequest", &gpb::api::parse_request);
    emscripten::function("lintPage", &gpb::api::lint_page);
}
