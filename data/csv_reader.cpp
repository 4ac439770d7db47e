#include "csv_reader.h"

namespace chronomap {

std::vector<CsvRecord> read_csv(std::string_view text, const std::string& file, Diagnostics& diags) {
    std::vector<CsvRecord> records;
    for_each_csv_record(text, file, diags, [&](const CsvRecord& r) { records.push_back(r); });
    return records;
}

void for_each_csv_record(std::string_view text, const std::string& file, Diagnostics& diags,
                         const std::function<void(const CsvRecord&)>& each) {
    if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
        diags.error({file, 1, 1}, "the file is in UTF-16; save it as CSV in UTF-8 (\"CSV UTF-8\" in spreadsheets)");
        return;
    }
    std::size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    int line = 1, col = 1;
    bool nul_reported = false;
    auto step = [&](char c) {
        if (c == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++col;
        }
    };
    auto nul = [&] {
        if (!nul_reported)
            diags.error({file, line, col}, "the file contains a NUL byte (is it UTF-16, or not a CSV file?); "
                                           "NUL bytes are left out");
        nul_reported = true;
    };
    CsvRecord rec;  // reused from row to row
    while (i < text.size()) {
        if (text[i] == '\n' || text[i] == '\r') {  // a blank line
            if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            step('\n');
            ++i;
            continue;
        }
        rec.line = line;
        rec.fields.clear();
        rec.fields.push_back({{}, line, col});
        bool quoted = false, record_done = false;
        int quote_line = 0, quote_col = 0;
        while (i < text.size() && !record_done) {
            const char c = text[i];
            std::string& field = rec.fields.back().text;
            if (c == '\0') {
                nul();
                step(c);
                ++i;
                continue;
            }
            if (quoted) {
                if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    step(c);
                    step(c);
                    i += 2;
                    continue;
                }
                if (c == '"') quoted = false;
                else if (c != '\r' || i + 1 >= text.size() || text[i + 1] != '\n') field += c;  // \r\n: \n
            } else if (c == '"' && field.empty()) {
                quoted = true;
                quote_line = line;
                quote_col = col;
            } else if (c == ',') {
                step(c);
                ++i;
                rec.fields.push_back({{}, line, col});
                continue;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
                record_done = true;
            } else {
                field += c;
            }
            step(c);
            ++i;
        }
        if (quoted) {
            diags.error({file, quote_line, quote_col},
                        "a quoted field opened here is never closed: every line after it was read into it "
                        "and is not used; add the closing \"");
            break;
        }
        each(rec);
    }
}

}  // namespace chronomap
