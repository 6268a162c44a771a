// The Embind layer: each function hands a string to the core and returns the core's JSON text.
// The calls that carry a whole body (validate on every keystroke, the request and response
// previews) also have plain C entry points: the JS side writes the arguments as UTF-8 straight
// into this module's input buffer (TextEncoder.encodeInto) and reads the answer from memory, which
// skips Embind's per-character string conversion and its generic invoker (no code generation
// under the page's CSP).
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

// The input buffer holds the arguments one after another; each call names their lengths and
// returns the JSON answer, whose length gpb_result_length() gives.
namespace {

struct Arguments {
    std::string_view rest;
    std::string_view next(size_t length) {
        std::string_view part = rest.substr(0, std::min(length, rest.size()));
        rest.remove_prefix(part.size());
        return part;
    }
};

const char* answer(std::string text) {
    lastResult = std::move(text);
    return lastResult.data();
}

}  // namespace

EMSCRIPTEN_KEEPALIVE const char* gpb_validate_input(size_t idLength, size_t bodyLength, int response) {
    Arguments input{inputBuffer};
    std::string_view id = input.next(idLength);
    return answer(gpb::api::validate(id, input.next(bodyLength), response != 0));
}

EMSCRIPTEN_KEEPALIVE const char* gpb_request_input(size_t idLength, size_t bodyLength, size_t parametersLength) {
    Arguments input{inputBuffer};
    std::string id(input.next(idLength)), body(input.next(bodyLength)), parameters(input.next(parametersLength));
    return answer(gpb::api::request(id, body, parameters));
}

EMSCRIPTEN_KEEPALIVE const char* gpb_response_input(size_t idLength, size_t bodyLength) {
    Arguments input{inputBuffer};
    std::string id(input.next(idLength)), body(input.next(bodyLength));
    return answer(gpb::api::response(id, body));
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
