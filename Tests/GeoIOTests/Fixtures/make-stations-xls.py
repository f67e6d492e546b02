#!/usr/bin/env python3
"""Makes stations.xls (Excel 97-2003, BIFF8), the .xls fixture of GeoIOReaderTests.

GDAL reads .xls (freexl) but cannot write it, so the fixture was made once with xlwt 1.3.0
(`python3 -m venv v && v/bin/pip install xlwt==1.3.0 && v/bin/python make-stations-xls.py`)
and committed. One sheet 站点 with Chinese headers and GCJ-02 coordinates (as copied from AMap).
"""
import xlwt

ROWS = [
    ("编号", "名称", "经度", "纬度", "订单量"),
    ("G1", "龙岗中心站", 114.2468123, 22.7201456, 12),
    ("G2", "布吉站", 114.1234567, 22.6012345, 3),
]

book = xlwt.Workbook(encoding="utf-8")
sheet = book.add_sheet("站点")
for r, row in enumerate(ROWS):
    for c, value in enumerate(row):
        sheet.write(r, c, value)
book.save("stations.xls")
