#pragma once

// Our own error codes, from 1000 up; codes below 1000 are the ATOL driver's (FISCAL.md).
// Every code here is listed with its meaning in docs/errors.md: keep both in step, and never
// reuse a number once it has shipped (scripts and integrators match on them).

namespace sigma::core::errc {

// 1000-1099: general
inline constexpr int kInternal = 1000;
inline constexpr int kInvalidArgument = 1001;
inline constexpr int kMalformedJson = 1002;
inline constexpr int kNotFound = 1003;
inline constexpr int kIo = 1004;
inline constexpr int kUnsupported = 1005;

// 1100-1199: money, quantity and the tax tables
inline constexpr int kBadMoney = 1100;
inline constexpr int kMoneyOutOfRange = 1101;
inline constexpr int kMoneyOverflow = 1102;
inline constexpr int kBadQuantity = 1103;
inline constexpr int kQuantityOutOfRange = 1104;
inline constexpr int kUnknownVatRate = 1105;
inline constexpr int kVatRateNotValidOnDate = 1106;
inline constexpr int kUnknownTaxSystem = 1107;
inline constexpr int kUnknownPaymentType = 1108;
inline constexpr int kUnknownPaymentMethod = 1109;
inline constexpr int kUnknownPaymentObject = 1110;
inline constexpr int kUnknownMeasureUnit = 1111;
inline constexpr int kBadPercent = 1112;
inline constexpr int kBadDate = 1113;
inline constexpr int kBadUuid = 1114;

// 1200-1299: receipt calculation
inline constexpr int kEmptyReceipt = 1200;
inline constexpr int kNonPositiveQuantity = 1201;
inline constexpr int kNegativePrice = 1202;
inline constexpr int kDiscountAboveAmount = 1203;
inline constexpr int kNotFullyPaid = 1204;
inline constexpr int kNonCashOverpayment = 1205;
inline constexpr int kNonPositivePayment = 1206;
inline constexpr int kFractionalPieces = 1207;
inline constexpr int kEmptyLineName = 1208;
inline constexpr int kTooManyLines = 1209;

// 1300-1399: infrastructure (database, crypto)
inline constexpr int kDbError = 1300;
inline constexpr int kDbBusy = 1301;
inline constexpr int kDbConstraint = 1302;
inline constexpr int kDbCorrupt = 1303;
inline constexpr int kDbBadMigrations = 1304;
inline constexpr int kBadHex = 1350;

// 1400-1499: network (net: HTTP server and client)
inline constexpr int kConnectionFailed = 1400;
inline constexpr int kNetworkTimeout = 1401;
inline constexpr int kTlsFailure = 1402;
inline constexpr int kHostNotFound = 1403;
inline constexpr int kBadUrl = 1404;
inline constexpr int kTransferFailed = 1405;
inline constexpr int kBadHttpResponse = 1406;
inline constexpr int kAddressInUse = 1407;
inline constexpr int kListenFailed = 1408;
inline constexpr int kBadPercentEncoding = 1409;
inline constexpr int kServerAlreadyRunning = 1410;

// 1500-1599: fiscal encoding (FFD TLV, CP866, receipt QR, registration number)
inline constexpr int kTlvTruncated = 1500;
inline constexpr int kTlvTooDeep = 1501;
inline constexpr int kTlvTooManyNodes = 1502;
inline constexpr int kTlvBadValue = 1503;
inline constexpr int kTlvTooLong = 1504;
inline constexpr int kTlvWrongType = 1505;
inline constexpr int kBadUtf8 = 1506;
inline constexpr int kBadReceiptQr = 1507;
inline constexpr int kBadRegistrationNumber = 1508;
inline constexpr int kRegistrationNumberMismatch = 1509;

// 1700-1799: payment terminal (card acquiring: devices/PaymentTerminal.h and its drivers)
inline constexpr int kPaymentTimeout = 1700;
inline constexpr int kPaymentConnectionLost = 1701;
inline constexpr int kPaymentOperationUnknown = 1702;
inline constexpr int kPaymentOperationConflict = 1703;
inline constexpr int kPaymentNotReversible = 1704;
inline constexpr int kPaymentOriginalNotFound = 1705;
inline constexpr int kPaymentRefundExceedsOriginal = 1706;

// 1900-1999: staff, customers and access (PIN login, permissions, customer records)
inline constexpr int kWrongPin = 1900;
inline constexpr int kLoginLocked = 1901;
inline constexpr int kPermissionDenied = 1902;
inline constexpr int kPinChangeRequired = 1903;
inline constexpr int kWeakPin = 1904;
inline constexpr int kPinInUse = 1905;
inline constexpr int kStaffAlreadyInitialized = 1906;
inline constexpr int kTooManyEmployees = 1907;
inline constexpr int kBadPhone = 1908;
inline constexpr int kBadInn = 1909;
inline constexpr int kCustomerExists = 1910;
inline constexpr int kInsufficientBonus = 1911;

// 1600-1699: barcodes and catalog (scanning, product lookup, search, catalog import)
inline constexpr int kBadCheckDigit = 1600;
inline constexpr int kBadBarcodeCharacters = 1601;
inline constexpr int kEmptyBarcode = 1602;
inline constexpr int kBarcodeTooLong = 1603;
inline constexpr int kBadWeightLabelFormat = 1604;
inline constexpr int kBadMarkingCode = 1605;
inline constexpr int kProductNotFound = 1610;
inline constexpr int kProductInactive = 1611;
inline constexpr int kNotSoldByWeight = 1612;
inline constexpr int kZeroWeightLabel = 1613;
inline constexpr int kDuplicateBarcode = 1620;
inline constexpr int kDuplicateSku = 1621;
inline constexpr int kDuplicatePlu = 1622;
inline constexpr int kBadProduct = 1623;
inline constexpr int kUnknownCategory = 1624;
inline constexpr int kBadCatalogFile = 1630;
inline constexpr int kBadCsvRow = 1631;

// 2300-2399: terminal <-> cloud sync and registration (src/sync)
inline constexpr int kSyncNoConnection = 2300;     ///< the cloud cannot be reached (network, timeout, TLS)
inline constexpr int kSyncNotRegistered = 2301;    ///< no device credentials: register first
inline constexpr int kSyncDeviceRevoked = 2302;    ///< the cloud revoked this terminal's credentials
inline constexpr int kSyncAuthFailed = 2303;       ///< the cloud refused the signature (unknown device, wrong key)
inline constexpr int kSyncBadAnswer = 2304;        ///< the cloud's answer is malformed or impossible
inline constexpr int kSyncRejected = 2305;         ///< the cloud refused the events (conflict, broken chain)
inline constexpr int kSyncServerError = 2306;      ///< the cloud failed (5xx) or answered an unexpected status
inline constexpr int kSyncRateLimited = 2307;      ///< too many requests: wait (Retry-After)
inline constexpr int kRegistrationWrongPin = 2310; ///< the activation PIN is wrong or already used
inline constexpr int kRegistrationTooManyAttempts = 2311; ///< too many wrong PINs / codes / SMS
inline constexpr int kRegistrationWrongCode = 2312;       ///< the SMS code is wrong or expired
inline constexpr int kRegistrationConflict = 2313;  ///< the device or the phone / e-mail is registered already
inline constexpr int kRegistrationInvalid = 2314;   ///< bad input (phone, e-mail, seller code, PIN format)
inline constexpr int kRegistrationNoProcess = 2315; ///< no registration started on this terminal, or a wrong step
inline constexpr int kRegistrationPending = 2316;   ///< the owner has not set the password yet

// 2400-2499: signed update packages, install and rollback, fiscal register firmware (src/update)
inline constexpr int kPackageMalformed = 2400;        ///< not a package: unreadable archive, entry order, manifest syntax
inline constexpr int kPackageSignatureMissing = 2401; ///< no manifest.sig entry
inline constexpr int kPackageBadSignature = 2402;     ///< the signature is not valid under any trusted key
inline constexpr int kPackageFileMismatch = 2403;     ///< a file's SHA-256 or size differs, or a file is missing / extra
inline constexpr int kPackageUnsafePath = 2404;       ///< a path that could escape the release directory
inline constexpr int kPackageLinkEntry = 2405;        ///< a symlink, hard link, device or other non-regular entry
inline constexpr int kPackageTooLarge = 2406;         ///< manifest, file count or sizes above the limits
inline constexpr int kUpdateDowngrade = 2407;         ///< the package is not newer than what is installed
inline constexpr int kUpdateTooOld = 2408;            ///< the installed version is below the package's minimum
inline constexpr int kUpdateWrongComponent = 2409;    ///< a package for another component
inline constexpr int kUpdateNoSpace = 2410;           ///< not enough free disk space
inline constexpr int kUpdateAlreadyInstalled = 2411;  ///< this version is installed and current already
inline constexpr int kUpdateNoPrevious = 2412;        ///< nothing to roll back to
inline constexpr int kUpdateBadVersion = 2413;        ///< a version that is not MAJOR.MINOR.PATCH
inline constexpr int kUpdateNotInstalled = 2414;      ///< no release is installed under the install root
inline constexpr int kUpdateHealthFailed = 2415;      ///< the health check failed
inline constexpr int kFirmwareFlashRefused = 2416;    ///< the register refuses to flash now (shift or receipt open)
inline constexpr int kFirmwareUnsupported = 2417;     ///< this driver cannot flash firmware (use the vendor's tool)
inline constexpr int kUpdateDownloadFailed = 2418;    ///< the download broke off or the server refused it
inline constexpr int kUpdateBadKeyFile = 2419;        ///< a key file that is not hex of 32 bytes
inline constexpr int kUpdateTrustChainBroken = 2420;  ///< a stored key rotation no longer verifies

} // namespace sigma::core::errc
