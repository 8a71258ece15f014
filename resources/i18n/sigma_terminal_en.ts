<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="ru_RU">
<context>
    <name>MainWindow</name>
    <message>
        <source>Продажа</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>Смена</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Возврат</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Сервис</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Сменить кассира</source>
        <translation>Switch cashier</translation>
    </message>
    <message>
        <source>Заблокировать</source>
        <translation>Lock</translation>
    </message>
</context>
</TS>
