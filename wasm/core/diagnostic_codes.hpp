// Every diagnostic code in one table, with its usual severity and where it is found, and the API's
// own failure codes apart from them. The README's two code tables and gpb.d.ts's DiagnosticCode
// and ApiErrorCode list the same names: tests/core/codes_test.cpp holds the three together.
#pragma once

#include <cstdint>

#include "diagnostics.hpp"

namespace gpb {

enum class Code : uint8_t {
    // In a body (request or response).
    JsonSyntax,
    DuplicateKey,
    BodyNotObject,
    TypeMismatch,
    UnknownProperty,
    EnumValue,
    DatetimeFormat,
    IntRange,
    ValueFormat,
    Range,
    StringLength,
    NullNotAllowed,
    MissingRequired,
    ReadOnly,
    NotUpdatable,
    ServerAssigned,
    NavigationInline,
    OdataTypeMissing,
    OdataTypeUnknown,
    OdataTypeMismatch,
    OdataTypeFormat,
    SentinelValue,
    EmptyBody,
    ValueEnvelope,
    Limit,
    // In a documentation page.
    MalformedUrl,
    UncheckedExample,
    StatusMismatch,
    ExampleLayout,
    PermissionsMismatch,
    PropertyTableMismatch,
    ContentLength,
    UndocumentedOperation,
};

enum class CodeScope : uint8_t { Body, Page };

struct CodeInfo {
    Code code;
    const char* name;
    Severity severity;  // the usual one; a few codes are milder in some places (the README says where)
    CodeScope scope;
};

// In the order of the enum.
extern const CodeInfo kCodes[];
extern const size_t kCodeCount;

inline const char* code_name(Code code) { return kCodes[static_cast<size_t>(code)].name; }

// What the API answers {"error": {"code", "message"}} with.
enum class ApiError : uint8_t {
    UnknownOperation,
    UnknownModel,
    Unresolved,
    BadParameters,
    BadPack,
    BadMetadata,
    BadPermissions,
    NotARequest
};

extern const char* const kApiErrors[];
extern const size_t kApiErrorCount;

inline const char* api_error_name(ApiError error) { return kApiErrors[static_cast<size_t>(error)]; }

}  // namespace gpb
