#pragma once

#include <string>
#include <string_view>

namespace sigma::drivers::emulator {

/// Lays out text for a receipt printer's paper: a fixed number of characters per line (32, 42 or
/// 48 on common 57/80 mm printers), counting UTF-8 characters, not bytes.
class Tape {
public:
    explicit Tape(int width);

    Tape& line(std::string_view text);     ///< left-aligned, wrapped at the width
    Tape& center(std::string_view text);   ///< centred, wrapped
    Tape& right(std::string_view text);    ///< right-aligned, wrapped
    /// `left` and `right` on one line, padded between; `left` wraps first when both do not fit.
    Tape& pair(std::string_view left, std::string_view right);
    Tape& separator(char fill = '-');
    Tape& blank();
    /// A line exactly as given, never wrapped (the QR payload, which a scanner must read whole).
    Tape& raw(std::string_view text);

    [[nodiscard]] const std::string& text() const { return m_text; }
    [[nodiscard]] int width() const { return m_width; }

    /// Number of UTF-8 characters in `text`.
    static std::size_t charCount(std::string_view text);

private:
    void emit(std::string_view text, int alignment);

    int m_width;
    std::string m_text;
};

} // namespace sigma::drivers::emulator
