#include "data/formats/json_fields.h"

namespace chronomap {

const char* json_type_name(nlohmann::json::value_t t) {
    using V = nlohmann::json::value_t;
    switch (t) {
        case V::null: return "null";
        case V::object: return "an object";
        case V::array: return "a list";
        case V::string: return "text";
        case V::boolean: return "true/false";
        case V::number_integer:
        case V::number_unsigned:
        case V::number_float: return "a number";
        default: return "an unsupported value";
    }
}

const nlohmann::json* JsonFields::typed(const nlohmann::json& obj, const std::string& ptr,
                                        const char* key, nlohmann::json::value_t type, Need need,
                                        const std::string& what) {
    asked_[ptr].insert(key);
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
        if (need == Need::Required)
            diags_.error(pos(ptr), what + " is missing the required field '" + key + "'");
        return nullptr;
    }
    const bool number_ok = type == nlohmann::json::value_t::number_float && it->is_number();
    if (it->type() != type && !number_ok) {
        diags_.error(pos(child(ptr, key)), "'" + std::string(key) + "' of " + what + " should be " +
                                               json_type_name(type) + ", but it is " +
                                               json_type_name(it->type()));
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> JsonFields::string(const nlohmann::json& obj, const std::string& ptr,
                                              const char* key, Need need,
                                              const std::string& what) {
    const auto* v = typed(obj, ptr, key, nlohmann::json::value_t::string, need, what);
    if (!v) return std::nullopt;
    std::string text = v->get<std::string>();
    if (need == Need::Required && text.find_first_not_of(" \t\r\n") == std::string::npos) {
        diags_.error(pos(child(ptr, key)), "'" + std::string(key) + "' of " + what + " is empty; give it a value");
        return std::nullopt;
    }
    return text;
}

std::optional<double> JsonFields::number(const nlohmann::json& obj, const std::string& ptr,
                                         const char* key, Need need, const std::string& what) {
    const auto* v = typed(obj, ptr, key, nlohmann::json::value_t::number_float, need, what);
    if (!v) return std::nullopt;
    return v->get<double>();
}

std::optional<Date> JsonFields::date(const nlohmann::json& obj, const std::string& ptr,
                                     const char* key, Need need, const std::string& what,
                                     Calendar cal) {
    const auto text = string(obj, ptr, key, need, what);
    if (!text) return std::nullopt;
    const DateParseResult r = parse_date(*text, cal);
    if (!r.date) {
        SourcePos p = pos(child(ptr, key));
        if (p.column > 0) p.column += 1 + r.error_offset;  // skip the opening quote
        diags_.error(p, "'" + std::string(key) + "' of " + what + ": " + r.error);
        return std::nullopt;
    }
    if (!r.warning.empty()) diags_.warning(pos(child(ptr, key)), "'" + std::string(key) + "' of " + what + ": " + r.warning);
    return r.date;
}

std::vector<std::string> JsonFields::string_list(const nlohmann::json& obj,
                                                 const std::string& ptr, const char* key,
                                                 const std::string& what) {
    std::vector<std::string> out;
    const auto* v = typed(obj, ptr, key, nlohmann::json::value_t::array, Need::Optional, what);
    if (!v) return out;
    const std::string list_ptr = child(ptr, key);
    for (std::size_t i = 0; i < v->size(); ++i) {
        const auto& item = (*v)[i];
        if (!item.is_string()) {
            diags_.error(pos(child(list_ptr, i)), "item " + std::to_string(i + 1) + " of '" + key +
                                                      "' in " + what + " should be text, but it is " +
                                                      json_type_name(item.type()));
            continue;
        }
        out.push_back(item.get<std::string>());
    }
    return out;
}

Calendar JsonFields::calendar(const nlohmann::json& obj, const std::string& ptr,
                              Calendar inherited) {
    const auto text = string(obj, ptr, "calendar", Need::Optional, "this entry");
    if (!text) return inherited;
    if (*text == "julian") return Calendar::Julian;
    if (*text == "gregorian") return Calendar::Gregorian;
    diags_.error(pos(child(ptr, "calendar")),
                 "calendar '" + *text + "' is not known; use \"gregorian\" or \"julian\"");
    return inherited;
}

bool JsonFields::is_object(const nlohmann::json& v, const std::string& ptr,
                           const std::string& what) {
    if (v.is_object()) return true;
    diags_.error(pos(ptr),
                 what + " should be an object ({...}), but it is " + json_type_name(v.type()));
    return false;
}

void JsonFields::report_unknown_keys(const std::string& document_name) {
    std::set<std::string> known_set;
    for (const auto& [ptr, keys] : asked_) known_set.insert(keys.begin(), keys.end());
    const std::vector<std::string> all_known(known_set.begin(), known_set.end());
    for (const auto& [ptr, keys] : asked_) {
        if (skipped_.count(ptr)) continue;
        const nlohmann::json* obj = nullptr;
        try {
            obj = &doc_.root.at(nlohmann::json::json_pointer(ptr));
        } catch (const nlohmann::json::exception&) {
            continue;  // not an object of this document
        }
        if (!obj->is_object()) continue;
        const std::vector<std::string> here(keys.begin(), keys.end());
        for (const auto& [key, value] : obj->items()) {
            if (keys.count(key)) continue;
            std::string best = closest_match(key, here);
            if (best.empty()) best = closest_match(key, all_known);
            diags_.warning(pos(child(ptr, key.c_str())),
                           "unknown field '" + printable(key, 80) + "' in " + document_name + " is ignored" +
                               (best.empty() ? std::string() : " (did you mean '" + best + "'?)"));
        }
    }
}

}  // namespace chronomap
