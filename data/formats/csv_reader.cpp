#include "data/formats/csv_reader.h"

namespace chronomap {

namespace {

constexpr std::size_t kChunk = 1 << 20;

// The text comes in pieces; a record cut by the end of a piece is read again from its start
// once more text is there (asking for as much again as is held, so a huge record costs linear
// time). Only the record being read is held, never the whole file.
class CsvParser {
public:
    CsvParser(const CsvInput& input, const std::string& file, Diagnostics& diags)
        : input_(input), file_(file), diags_(diags) {}

    void run(const std::function<void(const CsvRecord&)>& each) {
        while (buf_.size() < 3 && fetch(kChunk)) {
        }
        if (buf_.size() >= 2 && ((buf_[0] == '\xFF' && buf_[1] == '\xFE') || (buf_[0] == '\xFE' && buf_[1] == '\xFF'))) {
            diags_.error({file_, 1, 1}, "the file is in UTF-16; save it as CSV in UTF-8 (\"CSV UTF-8\" in spreadsheets)");
            return;
        }
        if (buf_.rfind("\xEF\xBB\xBF", 0) == 0) i_ = 3;
        for (;;) {
            if (i_ >= buf_.size()) {
                buf_.clear();
                i_ = 0;
                if (!fetch(kChunk)) return;
                continue;
            }
            const Saved at{i_, line_, col_};
            const Outcome o = record();
            if (o == Outcome::NeedMore) {
                buf_.erase(0, at.i);
                i_ = 0;
                line_ = at.line;
                col_ = at.col;
                fetch(std::max(kChunk, buf_.size()));
                continue;
            }
            if (nul_at_ && !nul_reported_) {
                diags_.error({file_, nul_at_->first, nul_at_->second},
                             "the file contains a NUL byte (is it UTF-16, or not a CSV file?); NUL bytes are left out");
                nul_reported_ = true;
            }
            nul_at_.reset();
            if (o == Outcome::Unclosed) {
                diags_.error({file_, quote_line_, quote_col_},
                             "a quoted field opened here is never closed: every line after it was read into it "
                             "and is not used; add the closing \"");
                return;
            }
            if (o == Outcome::Record) each(rec_);
        }
    }

private:
    enum class Outcome { Record, Blank, NeedMore, Unclosed };
    struct Saved {
        std::size_t i;
        int line, col;
    };

    bool fetch(std::size_t want) {
        if (eof_) return false;
        if (input_(buf_, want) == 0) eof_ = true;
        return !eof_;
    }
    // Whether the byte after i_ is unknown yet: more text may come.
    bool cut_after() const { return i_ + 1 >= buf_.size() && !eof_; }
    void step(char c) {
        if (c == '\n') {
            ++line_;
            col_ = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++col_;
        }
    }

    // Reads one record, or one blank line, from i_.
    Outcome record() {
        if (buf_[i_] == '\n' || buf_[i_] == '\r') {
            if (buf_[i_] == '\r' && cut_after()) return Outcome::NeedMore;
            if (buf_[i_] == '\r' && i_ + 1 < buf_.size() && buf_[i_ + 1] == '\n') ++i_;
            step('\n');
            ++i_;
            return Outcome::Blank;
        }
        rec_.line = line_;
        rec_.fields.clear();
        rec_.fields.push_back({{}, line_, col_});
        bool quoted = false;
        while (i_ < buf_.size()) {
            const char c = buf_[i_];
            std::string& field = rec_.fields.back().text;
            if (c == '\0') {
                if (!nul_at_) nul_at_ = {line_, col_};
                step(c);
                ++i_;
                continue;
            }
            if (quoted) {
                if (c == '"' && cut_after()) return Outcome::NeedMore;
                if (c == '"' && i_ + 1 < buf_.size() && buf_[i_ + 1] == '"') {
                    field += '"';
                    step(c);
                    step(c);
                    i_ += 2;
                    continue;
                }
                if (c == '\r' && cut_after()) return Outcome::NeedMore;
                if (c == '"') quoted = false;
                else if (c != '\r' || i_ + 1 >= buf_.size() || buf_[i_ + 1] != '\n') field += c;  // \r\n: \n
            } else if (c == '"' && field.empty()) {
                quoted = true;
                quote_line_ = line_;
                quote_col_ = col_;
            } else if (c == ',') {
                step(c);
                ++i_;
                rec_.fields.push_back({{}, line_, col_});
                continue;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && cut_after()) return Outcome::NeedMore;
                if (c == '\r' && i_ + 1 < buf_.size() && buf_[i_ + 1] == '\n') ++i_;
                step('\n');  // \r, \n and \r\n each end a line
                ++i_;
                return Outcome::Record;
            } else {
                field += c;
            }
            step(c);
            ++i_;
        }
        if (!eof_) return Outcome::NeedMore;
        return quoted ? Outcome::Unclosed : Outcome::Record;
    }

    const CsvInput& input_;
    const std::string& file_;
    Diagnostics& diags_;
    std::string buf_;
    std::size_t i_ = 0;
    bool eof_ = false;
    int line_ = 1, col_ = 1;
    int quote_line_ = 0, quote_col_ = 0;
    std::optional<std::pair<int, int>> nul_at_;  // the first NUL byte of the record being read
    bool nul_reported_ = false;
    CsvRecord rec_;  // reused from row to row
};

}  // namespace

void for_each_csv_record(const CsvInput& input, const std::string& file, Diagnostics& diags,
                         const std::function<void(const CsvRecord&)>& each) {
    CsvParser(input, file, diags).run(each);
}

void for_each_csv_record(std::string_view text, const std::string& file, Diagnostics& diags,
                         const std::function<void(const CsvRecord&)>& each) {
    std::size_t at = 0;
    const CsvInput input = [&](std::string& buf, std::size_t want) {
        const std::size_t n = std::min(want, text.size() - at);
        buf.append(text.substr(at, n));
        at += n;
        return n;
    };
    for_each_csv_record(input, file, diags, each);
}

std::vector<CsvRecord> read_csv(std::string_view text, const std::string& file, Diagnostics& diags) {
    std::vector<CsvRecord> records;
    for_each_csv_record(text, file, diags, [&](const CsvRecord& r) { records.push_back(r); });
    return records;
}

}  // namespace chronomap
