namespace Wcc.Etl.Collection;

/// <summary>What became of a cell read from a return (fact_collection_cell.outcome).</summary>
public static class CellOutcome
{
    /// <summary>Passed the audit and was loaded.</summary>
    public const string Loaded = "loaded";

    /// <summary>Held back by a soft rule without an explanation: returned to the unit.</summary>
    public const string Returned = "returned";

    /// <summary>Refused by a hard rule.</summary>
    public const string Rejected = "rejected";

    /// <summary>Left empty with the unit's stated reason.</summary>
    public const string Empty = "empty";

    /// <summary>Left empty without a reason.</summary>
    public const string Missing = "missing";
}

/// <summary>One cell of a return and the audit's verdict on it; progress rows carry their other fields along.</summary>
public sealed class AuditedCell(ReadCell cell, string itemKind)
{
    /// <summary>The value (or status) cell as read.</summary>
    public ReadCell Cell { get; } = cell;

    /// <summary>indicator or progress.</summary>
    public string ItemKind { get; } = itemKind;

    public string? ItemKey { get; set; }
    public string? IndicatorCode { get; set; }
    public string? AreaCode { get; set; }
    public string? Sex { get; set; }
    public int? TaskNo { get; set; }
    public double? Value { get; set; }
    public string? Explanation { get; set; }
    public string? DataSource { get; set; }
    public string? Status { get; set; }
    public string? Evidence { get; set; }
    public DateOnly? CompletionDate { get; set; }
    public bool IsCity { get; set; }

    /// <summary>The <see cref="CellOutcome"/>.</summary>
    public string Outcome { get; private set; } = CellOutcome.Loaded;

    public string? RuleCode { get; private set; }
    public string? MessageZh { get; private set; }
    public string? ActionZh { get; private set; }

    /// <summary>The cell's text as read (for the audit trail).</summary>
    public string? RawText => Cell.FormulaText ?? Cell.Text;

    /// <summary>Still headed for the warehouse (no hard error, no unexplained soft rule).</summary>
    public bool IsCandidate => Outcome == CellOutcome.Loaded;

    /// <summary>Sets the verdict, with the rule and Chinese text the feedback sheet prints.</summary>
    public void Judge(string outcome, string? rule = null, string? message = null, string? action = null)
    {
        Outcome = outcome;
        RuleCode = rule;
        MessageZh = message;
        ActionZh = action;
    }

    /// <summary>A soft rule: returned unless the unit explained (then loaded, the rule kept on record).</summary>
    public void Soft(string rule, string message)
    {
        if (!IsCandidate || RuleCode is not null) return;
        if (string.IsNullOrWhiteSpace(Explanation))
        {
            Judge(CellOutcome.Returned, rule, message, "请核实数值；如数值无误，请在“说明”列写明原因后重新报送");
        }
        else
        {
            Judge(CellOutcome.Loaded, rule, message + "(已说明)", null);
        }
    }
}
