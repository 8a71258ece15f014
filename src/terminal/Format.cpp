#include "terminal/Format.h"

#include <QLocale>

#include <cstdlib>

namespace sigma::terminal {

namespace {

/// The integer part grouped by the locale ("1 234" with a no-break space, "1,234").
QString grouped(std::int64_t whole)
{
    return QLocale().toString(static_cast<qlonglong>(whole));
}

QString fraction(std::int64_t value, int digits)
{
    return QStringLiteral("%1").arg(static_cast<qlonglong>(value), digits, 10, QLatin1Char('0'));
}

} // namespace

QString Format::money(core::Money money, bool withCurrency)
{
    const std::int64_t kopecks = money.kopecks();
    const std::int64_t magnitude = kopecks < 0 ? -kopecks : kopecks;
    QString text = grouped(magnitude / 100) + QLocale().decimalPoint() + fraction(magnitude % 100, 2);
    if (kopecks < 0) {
        text.prepend(QLocale().negativeSign());
    }
    if (withCurrency) {
        text += QChar(0x00A0) + QStringLiteral("₽");
    }
    return text;
}

QString Format::quantity(core::Quantity quantity)
{
    if (quantity.isWhole()) {
        return QString::number(quantity.thousandths() / 1000);
    }
    return fixedQuantity(quantity);
}

QString Format::fixedQuantity(core::Quantity quantity)
{
    const std::int64_t t = quantity.thousandths();
    const std::int64_t magnitude = t < 0 ? -t : t;
    QString text = QString::number(magnitude / 1000) + QLocale().decimalPoint() + fraction(magnitude % 1000, 3);
    if (t < 0) {
        text.prepend(QLocale().negativeSign());
    }
    return text;
}

QString Format::moneyInput(core::Money money)
{
    const std::int64_t kopecks = money.kopecks();
    const std::int64_t magnitude = kopecks < 0 ? -kopecks : kopecks;
    QString text = QString::number(magnitude / 100) + QLocale().decimalPoint() + fraction(magnitude % 100, 2);
    if (kopecks < 0) {
        text.prepend(QLatin1Char('-'));
    }
    return text;
}

} // namespace sigma::terminal
