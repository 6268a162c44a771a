// The Embind layer: each function hands a string to the core and returns the core's JSON text.
// The calls that carry a whole body (validate on every keystroke, the request and response
// previews) also have plain C entry points: the JS side writes the arguments as UTF-8 straight
// into this module's input buffer (TextEncoder.encodeInto) and reads the answer from memory, which
// skips Embind's per-character string conversion and its generic invoker (no code generation
// under the page's CSP).
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "api.hpp"
#include "held_body.hpp"
#include "validator.hpp"

namespace {

std::string inputBuffer;
std::string lastResult;
gpb::RecordText wholeTextRecord;  // the strings of the last record gpb_validate_input gave

std::string validate(const std::string& operationId, const std::string& body, bool response) {
    return gpb::api::validate(operationId, body, response);
}

std::string complete(const std::string& operationId, const std::string& body, size_t offset, bool response) {
    return gpb::api::complete(operationId, body, offset, response);
}

std::string hover(const std::string& operationId, const std::string& body, size_t offset, bool response) {
    return gpb::api::hover(operationId, body, offset, response);
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
    std::string record = gpb::api::validate_record(id, input.next(bodyLength), response != 0);
    gpb::mark_repeated_text(record, wholeTextRecord);
    return answer(std::move(record));
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

// Completion and hover run on every keystroke, on bodies of megabytes: through the input buffer.
EMSCRIPTEN_KEEPALIVE const char* gpb_complete_input(size_t idLength, size_t bodyLength, size_t offset, int response) {
    Arguments input{inputBuffer};
    std::string_view id = input.next(idLength), body = input.next(bodyLength);
    return answer(gpb::api::complete(id, body, offset, response != 0));
}

EMSCRIPTEN_KEEPALIVE const char* gpb_hover_input(size_t idLength, size_t bodyLength, size_t offset, int response) {
    Arguments input{inputBuffer};
    std::string_view id = input.next(idLength), body = input.next(bodyLength);
    return answer(gpb::api::hover(id, body, offset, response != 0));
}

// Model packs and metadata are megabytes: they come through the input buffer too.
EMSCRIPTEN_KEEPALIVE const char* gpb_load_pack_input(size_t versionLength, size_t packLength) {
    Arguments input{inputBuffer};
    std::string version(input.next(versionLength)), pack(input.next(packLength));
    return answer(gpb::api::load_pack(version, pack));
}

EMSCRIPTEN_KEEPALIVE const char* gpb_load_metadata_input(size_t textLength, size_t nameLength, size_t rootLength) {
    Arguments input{inputBuffer};
    std::string text(input.next(textLength)), name(input.next(nameLength)), root(input.next(rootLength));
    return answer(gpb::api::load_metadata(text, name, root));
}

EMSCRIPTEN_KEEPALIVE const char* gpb_load_permissions_input(size_t textLength) {
    Arguments input{inputBuffer};
    return answer(gpb::api::load_permissions(std::string(input.next(textLength))));
}

// Held bodies (README, "A held body"): a handle from gpb_body_open, the text and each edit's
// inserted text through the input buffer, and the checks read the body where it is.
namespace {

// A body and what its last check found.
struct Held {
    gpb::HeldBody body;
    gpb::CheckMemo memo;
};

std::vector<std::unique_ptr<Held>> heldBodies;

Held* held(size_t handle) { return handle >= 1 && handle <= heldBodies.size() ? heldBodies[handle - 1].get() : nullptr; }

// (A template inside extern "C" needs C++ linkage of its own.)
extern "C++" {
// A check of a held body: check(id, held) with the id in the input buffer, or the answer for a
// closed one.
template <class Check>
const char* check_held(size_t handle, size_t idLength, Check check) {
    Held* body = held(handle);
    if (!body) return answer(R"({"error":{"code":"internal","message":"That body has been closed."}})");
    return answer(check(Arguments{inputBuffer}.next(idLength), *body));
}
}

}  // namespace

EMSCRIPTEN_KEEPALIVE size_t gpb_body_open() {
    for (size_t i = 0; i < heldBodies.size(); ++i)
        if (!heldBodies[i]) {
            heldBodies[i] = std::make_unique<Held>();
            return i + 1;
        }
    heldBodies.push_back(std::make_unique<Held>());
    return heldBodies.size();
}

EMSCRIPTEN_KEEPALIVE void gpb_body_close(size_t handle) {
    if (held(handle)) heldBodies[handle - 1].reset();
}

EMSCRIPTEN_KEEPALIVE int gpb_body_assign(size_t handle, size_t textLength) {
    Held* body = held(handle);
    if (!body) return 0;
    body->body.assign(Arguments{inputBuffer}.next(textLength));
    return 1;
}

// 1 when applied; 0 when the caller must assign the whole text instead.
EMSCRIPTEN_KEEPALIVE int gpb_body_replace(size_t handle, size_t from, size_t to, size_t insertLength) {
    Held* body = held(handle);
    return body && body->body.replace(from, to, Arguments{inputBuffer}.next(insertLength)) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* gpb_body_validate(size_t handle, size_t idLength, int response) {
    return check_held(handle, idLength, [&](std::string_view id, Held& body) {
        return gpb::api::validate_held_record(id, body.body, body.memo, response != 0);
    });
}

EMSCRIPTEN_KEEPALIVE const char* gpb_body_complete(size_t handle, size_t idLength, size_t offset, int response) {
    return check_held(handle, idLength,
                      [&](std::string_view id, Held& body) { return gpb::api::complete(id, body.body.text(), offset, response != 0); });
}

EMSCRIPTEN_KEEPALIVE const char* gpb_body_hover(size_t handle, size_t idLength, size_t offset, int response) {
    return check_held(handle, idLength, [&](std::string_view id, Held& body) {
        return gpb::api::hover_held(id, body.body, body.memo, offset, response != 0);
    });
}

EMSCRIPTEN_KEEPALIVE size_t gpb_result_length() { return lastResult.size(); }

}  // extern "C"

EMSCRIPTEN_BINDINGS(gpb) {
    emscripten::function("operations", &gpb::api::operations);
    emscripten::function("describe", &gpb::api::describe);
    emscripten::function("validate", &validate);
    emscripten::function("complete", &complete);
    emscripten::function("hover", &hover);
    emscripten::function("example", &gpb::api::example);
    emscripten::function("request", &gpb::api::request);
    emscripten::function("response", &gpb::api::response);
    emscripten::function("parseRequest", &gpb::api::parse_request);
    emscripten::function("lintPage", &gpb::api::lint_page);
    emscripten::function("resolve", &gpb::api::resolve);
    emscripten::function("operationsOf", &gpb::api::operations_of);
    emscripten::function("loadMetadata", &gpb::api::load_metadata);
    emscripten::function("loadPack", &gpb::api::load_pack);
    emscripten::function("loadPermissions", &gpb::api::load_permissions);
}
