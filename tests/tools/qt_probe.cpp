// A binary that links Qt, so the no-Qt layering check can be shown to catch one.
#include <QString>

int main()
{
    return QString("probe").isEmpty() ? 1 : 0;
}
