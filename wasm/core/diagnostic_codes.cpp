#include "diagnostic_codes.hpp"

namespace gpb {

const CodeInfo kCodes[] = {
    {Code::JsonSyntax, "json-syntax", Severity::Error, CodeScope::Body},
    {Code::DuplicateKey, "duplicate-key", Severity::Error, CodeScope::Body},
    {Code::BodyNotObject, "body-not-object", Severity::Error, CodeScope::Body},
    {Code::TypeMismatch, "type-mismatch", Severity::Error, CodeScope::Body},
    {Code::UnknownProperty, "unknown-property", Severity::Error, CodeScope::Body},
    {Code::EnumValue, "enum-value", Severity::Error, CodeScope::Body},
    {Code::DatetimeFormat, "datetime-format", Severity::Error, CodeScope::Body},
    {Code::IntRange, "int-range", Severity::Error, CodeScope::Body},
    {Code::ValueFormat, "value-format", Severity::Error, CodeScope::Body},
    {Code::Range, "range", Severity::Warning, CodeScope::Body},
    {Code::StringLength, "string-length", Severity::Warning, CodeScope::Body},
    {Code::NullNotAllowed, "null-not-allowed", Severity::Error, CodeScope::Body},
    {Code::MissingRequired, "missing-required", Severity::Error, CodeScope::Body},
    {Code::ReadOnly, "read-only", Severity::Error, CodeScope::Body},
    {Code::NotUpdatable, "not-updatable", Severity::Error, CodeScope::Body},
    {Code::ServerAssigned, "server-assigned", Severity::Warning, CodeScope::Body},
    {Code::NavigationInline, "navigation-inline", Severity::Error, CodeScope::Body},
    {Code::OdataTypeMissing, "odata-type-missing", Severity::Error, CodeScope::Body},
    {Code::OdataTypeUnknown, "odata-type-unknown", Severity::Error, CodeScope::Body},
    {Code::OdataTypeMismatch, "odata-type-mismatch", Severity::Error, CodeScope::Body},
    {Code::OdataTypeFormat, "odata-type-format", Severity::Warning, CodeScope::Body},
    {Code::SentinelValue, "sentinel-value", Severity::Warning, CodeScope::Body},
    {Code::EmptyBody, "empty-body", Severity::Warning, CodeScope::Body},
    {Code::ValueEnvelope, "value-envelope", Severity::Error, CodeScope::Body},
    {Code::Limit, "limit", Severity::Error, CodeScope::Body},
    {Code::MalformedUrl, "malformed-url", Severity::Error, CodeScope::Page},
    {Code::UncheckedExample, "unchecked-example", Severity::Warning, CodeScope::Page},
    {Code::StatusMismatch, "status-mismatch", Severity::Error, CodeScope::Page},
    {Code::ExampleLayout, "example-layout", Severity::Error, CodeScope::Page},
    {Code::PermissionsMismatch, "permissions-mismatch", Severity::Warning, CodeScope::Page},
    {Code::PropertyTableMismatch, "property-table-mismatch", Severity::Warning, CodeScope::Page},
    {Code::ContentLength, "content-length", Severity::Warning, CodeScope::Page},
    {Code::UndocumentedOperation, "undocumented-operation", Severity::Info, CodeScope::Page},
};
const size_t kCodeCount = sizeof(kCodes) / sizeof(kCodes[0]);

const char* const kApiErrors[] = {
    "unknown-operation", "unknown-model", "unresolved", "bad-parameters", "bad-pack", "bad-metadata", "bad-permissions", "not-a-request",
};
const size_t kApiErrorCount = sizeof(kApiErrors) / sizeof(kApiErrors[0]);

}  // namespace gpb
