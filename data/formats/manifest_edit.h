#pragma once
// Changing one member of a hand-written manifest (or one object of a list in it or in an event
// file) and nothing else: the text around it (its order, spacing, JSON as the person wrote it)
// is kept byte for byte, so an atlas edited from the window still reads as its author wrote it.

#include <string>

#include <nlohmann/json.hpp>

#include "data/support/result.h"

namespace chronomap {

// The text with the root object's member `key` set to `value`: replaced where it is, or added
// as the last member. Fails (the input's fault) when the text is not a JSON object.
[[nodiscard]] Result<std::string> with_member(const std::string& text, const std::string& key,
                                              const nlohmann::ordered_json& value);

// The text with `item` added at the end of the root object's list `key` (made, if there is none),
// the rest of the text as it was.
[[nodiscard]] Result<std::string> with_array_item(const std::string& text, const std::string& key,
                                                  const nlohmann::ordered_json& item);

// The text with the object of the root object's list `key` whose "id" is `id` replaced by
// `value` where it stands (indented as it was), added at the end when no object has that id, or
// taken out (with its comma) when `value` is null.
[[nodiscard]] Result<std::string> with_list_element(const std::string& text, const std::string& key, const std::string& id,
                                                    const nlohmann::ordered_json& value);

// Sets the member in the manifest file, or adds to a list in it, written atomically
// (output_file.h).
[[nodiscard]] Result<> set_manifest_member(const std::string& manifest_path, const std::string& key,
                                           const nlohmann::ordered_json& value);
[[nodiscard]] Result<> add_manifest_item(const std::string& manifest_path, const std::string& key,
                                         const nlohmann::ordered_json& item);

}  // namespace chronomap
