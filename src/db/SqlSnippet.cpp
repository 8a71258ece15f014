#include "db/SqlSnippet.h"

#include <algorithm>

namespace sigma::db {
namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool isUtf8Continuation(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

std::string sqlSnippet(std::string_view sql, std::size_t maxBytes)
{
    std::string folded;
    folded.reserve(std::min(sql.size(), maxBytes + 4));
    bool pendingSpace = false;
    for (const char c : sql) {
        if (isSpace(c)) {
            pendingSpace = !folded.empty();
            continue;
        }
        if (pendingSpace) {
            folded += ' ';
            pendingSpace = false;
        }
        folded += c;
        if (folded.size() > maxBytes + 4) {
            break; // enough to know it will be cut
        }
    }
    if (folded.size() <= maxBytes) {
        return folded;
    }
    std::size_t cut = maxBytes;
    while (cut > 0 && isUtf8Continuation(folded[cut])) {
        --cut;
    }
    folded.resize(cut);
    folded += "...";
    return folded;
}

} // namespace sigma::db
