#include "drivers/emulator/Tape.h"

#include <algorithm>

namespace sigma::drivers::emulator {
namespace {

// Byte offset just after `chars` UTF-8 characters of `text`.
std::size_t byteOffsetOf(std::string_view text, std::size_t chars)
{
    std::size_t pos = 0;
    std::size_t seen = 0;
    while (pos < text.size()) {
        if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) {
            if (seen == chars) {
                return pos;
            }
            ++seen;
        }
        ++pos;
    }
    return text.size();
}

} // namespace

Tape::Tape(int width) : m_width(std::clamp(width, 16, 80)) {}

std::size_t Tape::charCount(std::string_view text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void Tape::emit(std::string_view text, int alignment)
{
    const auto width = static_cast<std::size_t>(m_width);
    do {
        std::size_t cut = byteOffsetOf(text, width);
        if (cut < text.size()) {
            // Break at the last space within the width when there is one.
            const std::size_t space = text.substr(0, cut).rfind(' ');
            if (space != std::string_view::npos && space > 0) {
                cut = space;
            }
        }
        std::string_view piece = text.substr(0, cut);
        text.remove_prefix(cut);
        while (!text.empty() && text.front() == ' ') {
            text.remove_prefix(1);
        }
        const std::size_t pad = width > charCount(piece) ? width - charCount(piece) : 0;
        const std::size_t leftPad = alignment == 0 ? 0 : (alignment == 1 ? pad / 2 : pad);
        m_text.append(leftPad, ' ');
        m_text.append(piece);
        m_text += '\n';
    } while (!text.empty());
}

Tape& Tape::line(std::string_view text)
{
    emit(text, 0);
    return *this;
}

Tape& Tape::center(std::string_view text)
{
    emit(text, 1);
    return *this;
}

Tape& Tape::right(std::string_view text)
{
    emit(text, 2);
    return *this;
}

Tape& Tape::pair(std::string_view left, std::string_view right)
{
    const std::size_t needed = charCount(left) + charCount(right) + 1;
    if (needed > static_cast<std::size_t>(m_width)) {
        emit(left, 0);
        emit(right, 2);
        return *this;
    }
    m_text.append(left);
    m_text.append(static_cast<std::size_t>(m_width) - charCount(left) - charCount(right), ' ');
    m_text.append(right);
    m_text += '\n';
    return *this;
}

Tape& Tape::separator(char fill)
{
    m_text.append(static_cast<std::size_t>(m_width), fill);
    m_text += '\n';
    return *this;
}

Tape& Tape::raw(std::string_view text)
{
    m_text.append(text);
    m_text += '\n';
    return *this;
}

Tape& Tape::blank()
{
    m_text += '\n';
    return *this;
}

} // namespace sigma::drivers::emulator
