// JSON read by the core's own reader (json_scan.hpp) as nlohmann's value type: the page's first
// path then carries one JSON parser, not two (README, "Speed and size").
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "json_tree.hpp"

namespace gpb {

// A node of a read document as nlohmann's value, as nlohmann's own parse reads it: a member named
// twice keeps its last value in its first place, and an integer stays an integer where it fits
// (unsigned unless written with '-').
nlohmann::ordered_json to_ordered_json(const JsonDocument& document, const JsonNode& node);

// The value of text, or a discarded value (is_discarded()) when text is not one JSON value within
// the reader's limits.
nlohmann::ordered_json read_json_value(std::string_view text);

}  // namespace gpb
