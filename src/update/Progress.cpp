#include "update/Progress.h"

namespace sigma::update {

std::string_view stageName(Stage stage)
{
    switch (stage) {
    case Stage::Download: return "download";
    case Stage::Verify: return "verify";
    case Stage::Extract: return "extract";
    case Stage::Switch: return "switch";
    case Stage::Flash: return "flash";
    case Stage::Done: return "done";
    }
    return "verify";
}

} // namespace sigma::update
